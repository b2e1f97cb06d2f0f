package dev.tokenhook.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link TokenHookConfigurationException} into Boot's "APPLICATION FAILED TO START" report. */
final class TokenHookFailureAnalyzer extends AbstractFailureAnalyzer<TokenHookConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TokenHookConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
