package io.selvedge.identity.internal;

/** What a failed attempt got wrong; each is counted apart. */
enum SignInFactor {
    PASSWORD,
    ONE_TIME_CODE
}
