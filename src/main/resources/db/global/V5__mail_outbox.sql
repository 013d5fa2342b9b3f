-- The e-mail outbox: written in the transaction of the action that sends the mail, delivered after it.
-- Recipient, subject and bodies are customer data and are stored encrypted (see the crypto module).
create table mail_outbox (
    id              uuid         not null primary key,
    recipient       varchar(4000) not null,
    subject         varchar(4000) not null,
    text_body       varchar(1000000) not null,
    html_body       varchar(1000000),
    status          varchar(16)  not null,
    attempts        integer      not null,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index mail_outbox_due_idx on mail_outbox (status, next_attempt_at);
