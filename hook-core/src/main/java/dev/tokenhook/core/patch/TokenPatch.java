package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one rule writes for one request: operations on the ID and access tokens, a denial, debug
 * context. The engine gives each rule a fresh patch, so a failing rule's writes can be dropped alone.
 * Not thread-safe: a patch belongs to one rule run.
 *
 * <pre>{@code
 * patch.idToken().add("extPatientId", "1234");
 * patch.accessToken().lifetime(Duration.ofMinutes(30));
 * }</pre>
 */
public final class TokenPatch {

    private final List<PatchOperation> operations = new ArrayList<>(4);
    private Map<String, Object> debugContext; // most rules never write one
    private final TokenEditor idToken = new TokenEditor(this, TokenType.ID_TOKEN);
    private final TokenEditor accessToken = new TokenEditor(this, TokenType.ACCESS_TOKEN);
    private HookError denial;

    /** Creates an empty patch. */
    public TokenPatch() {
    }

    /** @return the editor for the ID token ({@code com.okta.identity.patch}) */
    public TokenEditor idToken() {
        return idToken;
    }

    /** @return the editor for the access token ({@code com.okta.access.patch}) */
    public TokenEditor accessToken() {
        return accessToken;
    }

    /**
     * @param type a token type
     * @return the editor for that token
     */
    public TokenEditor token(TokenType type) {
        return type == TokenType.ID_TOKEN ? idToken : accessToken;
    }

    /**
     * Stops Okta from minting the tokens: Okta answers the OAuth client with {@code server_error} and
     * this summary. The only way a hook can refuse a token (sent with HTTP 200).
     *
     * @param errorSummary what the client sees; no sensitive data
     * @return this patch
     */
    public TokenPatch deny(String errorSummary) {
        return deny(HookError.of(errorSummary));
    }

    /**
     * @param error the error, possibly with causes
     * @return this patch
     * @see #deny(String)
     */
    public TokenPatch deny(HookError error) {
        if (error == null) {
            throw new InvalidPatchException("deny(...) needs an error");
        }
        this.denial = error;
        return this;
    }

    /**
     * Adds an entry to {@code debugContext}, which Okta copies into its System Log. Never put secrets
     * or personal data here.
     *
     * @param key the entry name
     * @param value a JSON-like value
     * @return this patch
     */
    public TokenPatch debug(String key, Object value) {
        if (key == null || key.isEmpty()) {
            throw new InvalidPatchException("debugContext keys must not be empty");
        }
        if (debugContext == null) {
            debugContext = new LinkedHashMap<>();
        }
        debugContext.put(key, JsonValues.checked(value, "debugContext." + key));
        return this;
    }

    void record(PatchOperation operation) {
        operations.add(operation);
    }

    /** @return the operations written so far, in order, read-only */
    public List<PatchOperation> operations() {
        return Collections.unmodifiableList(operations);
    }

    /** @return the denial, if {@link #deny(String)} was called */
    public Optional<HookError> denial() {
        return Optional.ofNullable(denial);
    }

    /** @return the debug entries, read-only */
    public Map<String, Object> debugContext() {
        return debugContext == null ? Map.of() : Values.readOnlyMap(debugContext);
    }

    /** @return whether nothing at all was written */
    public boolean isEmpty() {
        return operations.isEmpty() && denial == null && (debugContext == null || debugContext.isEmpty());
    }
}
