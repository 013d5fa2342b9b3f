package io.selvedge.platform.internal;

import io.selvedge.platform.StartupRefusedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refusal as a short explanation instead of a stack trace. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusedException cause) {
        return new FailureAnalysis("Selvedge refused to start: " + cause.getMessage(), cause.action(), cause);
    }
}
