package io.selvedge.identity.internal;

/** What a failed attempt got wrong; each is counted apart. */
enum SignInFactor {
    PASSWORD,
    ONE_TIME_CODE,
    /** Not a failure but a request for a reset link: each is counted, so that nobody floods a mailbox. */
    PASSWORD_RESET
}
