-- One row per scheduled job: the node that runs it now and until when (ShedLock), so that of several nodes
-- sharing this store only one runs a job at a time, and another takes over once a dead node's lock expires.
CREATE TABLE job_lock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
