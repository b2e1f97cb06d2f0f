package dev.tokenhook.core.patch;

import dev.tokenhook.core.TokenType;
import java.time.Duration;

/**
 * Writes operations for one token into a {@link TokenPatch}. Obtain it from
 * {@link TokenPatch#idToken()} or {@link TokenPatch#accessToken()}. Request-independent mistakes
 * (empty names, non-JSON values, lifetimes out of range) throw {@link InvalidPatchException} at once;
 * mistakes that depend on the request (reserved claims, missing targets, a token not being minted)
 * are found by {@link PatchValidator} before anything is sent.
 */
public final class TokenEditor {

    private final TokenPatch patch;
    private final TokenType token;

    TokenEditor(TokenPatch patch, TokenType token) {
        this.patch = patch;
        this.token = token;
    }

    /** @return the token this editor writes to */
    public TokenType token() {
        return token;
    }

    /**
     * Adds a top-level claim (overwriting one of the same name).
     *
     * @param claim the claim name, any characters
     * @param value a String, Boolean, finite number, List or Map
     * @return this editor
     */
    public TokenEditor add(String claim, Object value) {
        return add(ClaimPath.claim(claim), value);
    }

    /**
     * Adds at a path: a claim, a member of an existing object claim, or an element of an existing
     * array claim ({@link ClaimPath#index(int)} inserts, {@link ClaimPath#append()} appends).
     *
     * @param path where
     * @param value a String, Boolean, finite number, List or Map
     * @return this editor
     */
    public TokenEditor add(ClaimPath path, Object value) {
        return write(Operation.ADD, path, value);
    }

    /**
     * Appends an element to an existing array claim ({@code add .../-}); refused by the validator when
     * the claim in the request is not an array.
     *
     * @param arrayClaim the array claim's name
     * @param value the element
     * @return this editor
     */
    public TokenEditor append(String arrayClaim, Object value) {
        return add(ClaimPath.claim(arrayClaim).append(), value);
    }

    /**
     * Replaces a claim that exists in the request's token.
     *
     * @param claim the claim name
     * @param value the new value
     * @return this editor
     */
    public TokenEditor replace(String claim, Object value) {
        return replace(ClaimPath.claim(claim), value);
    }

    /**
     * Replaces a claim, member or element that exists in the request's token.
     *
     * @param path where
     * @param value the new value
     * @return this editor
     */
    public TokenEditor replace(ClaimPath path, Object value) {
        return write(Operation.REPLACE, path, value);
    }

    /**
     * Removes a claim that exists in the request's token.
     *
     * @param claim the claim name
     * @return this editor
     */
    public TokenEditor remove(String claim) {
        return remove(ClaimPath.claim(claim));
    }

    /**
     * Removes a claim, member or element that exists in the request's token.
     *
     * @param path where
     * @return this editor
     */
    public TokenEditor remove(ClaimPath path) {
        return write(Operation.REMOVE, path, null);
    }

    /**
     * Sets the token's lifetime.
     *
     * @param lifetime whole seconds from 5 minutes to 24 hours
     * @return this editor
     * @throws InvalidPatchException if out of range or not whole seconds
     */
    public TokenEditor lifetime(Duration lifetime) {
        long seconds = TokenLifetime.checkedSeconds(lifetime);
        return write(Operation.REPLACE, TokenLifetime.EXPIRATION, seconds);
    }

    private TokenEditor write(Operation op, PatchTarget target, Object value) {
        patch.record(new PatchOperation(token, op, target, value));
        return this;
    }
}
