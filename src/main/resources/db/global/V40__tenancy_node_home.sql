-- Which group each node of a tree belongs to, so that /companies/{id} and the like find the node's
-- region without asking every region. Ids only: names and everything else stay in the region.
create table tenancy_node_home (
    node_id  uuid not null primary key,
    group_id uuid not null
);

create index tenancy_node_home_by_group on tenancy_node_home (group_id);
