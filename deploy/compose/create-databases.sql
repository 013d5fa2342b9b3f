-- One database per store (the global directory is POSTGRES_DB); each region's data stays in its own.
CREATE DATABASE selvedge_us;
CREATE DATABASE selvedge_eu;
CREATE DATABASE selvedge_apac;
