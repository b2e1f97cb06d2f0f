package dev.tokenhook.core.patch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tokenhook.core.TokenType;
import dev.tokenhook.core.internal.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Claims a hook must not add, replace or remove, per token. One such operation makes Okta discard the
 * whole patch. Immutable.
 *
 * <p>The {@link #defaults() default} is the conservative reading of Okta's table: every claim Okta
 * has reserved in either token, at any time since 2023, is refused in both tokens, except {@code aud}
 * and {@code sub} in the access token, which Okta documents as modifiable there. Okta's list moves;
 * adjust it with {@link #allow(TokenType, String)} and {@link #reserve(TokenType, String)}.
 */
public final class ReservedClaims {

    private static final ReservedClaims DEFAULTS = loadDefaults();

    private final Map<TokenType, Set<String>> reserved;

    private ReservedClaims(Map<TokenType, Set<String>> reserved) {
        this.reserved = reserved;
    }

    /** @return the conservative default list described above */
    public static ReservedClaims defaults() {
        return DEFAULTS;
    }

    /**
     * @param idToken claims reserved in the ID token
     * @param accessToken claims reserved in the access token
     * @return exactly these lists
     */
    public static ReservedClaims of(Collection<String> idToken, Collection<String> accessToken) {
        Map<TokenType, Set<String>> map = new EnumMap<>(TokenType.class);
        map.put(TokenType.ID_TOKEN, Set.copyOf(idToken));
        map.put(TokenType.ACCESS_TOKEN, Set.copyOf(accessToken));
        return new ReservedClaims(map);
    }

    /**
     * @param token a token
     * @param claim a top-level claim name
     * @return whether a hook must leave it alone
     */
    public boolean isReserved(TokenType token, String claim) {
        return reserved.get(token).contains(claim);
    }

    /**
     * @param token a token
     * @return the reserved names for it, read-only
     */
    public Set<String> names(TokenType token) {
        return reserved.get(token);
    }

    /**
     * @param token a token
     * @param claim a claim to let hooks change in it
     * @return a copy without that reservation
     */
    public ReservedClaims allow(TokenType token, String claim) {
        return change(token, claim, false);
    }

    /**
     * @param token a token
     * @param claim a claim to refuse in it
     * @return a copy with that reservation
     */
    public ReservedClaims reserve(TokenType token, String claim) {
        return change(token, claim, true);
    }

    private ReservedClaims change(TokenType token, String claim, boolean add) {
        Map<TokenType, Set<String>> copy = new EnumMap<>(reserved);
        Set<String> names = new HashSet<>(copy.get(token));
        if (add) {
            names.add(claim);
        } else {
            names.remove(claim);
        }
        copy.put(token, Set.copyOf(names));
        return new ReservedClaims(copy);
    }

    /** Reads {@code conservativeUnion} and {@code exceptions} from the bundled copy of Okta's table. */
    private static ReservedClaims loadDefaults() {
        Set<String> union = new HashSet<>();
        Map<TokenType, Set<String>> exceptions = new EnumMap<>(TokenType.class);
        exceptions.put(TokenType.ID_TOKEN, new HashSet<>());
        exceptions.put(TokenType.ACCESS_TOKEN, new HashSet<>());
        try (InputStream in = ReservedClaims.class.getResourceAsStream("reserved-claims.json");
                JsonParser json = JsonLimits.FACTORY.createParser(in)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("conservativeUnion")) {
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        union.add(json.getText());
                    }
                } else if (field.equals("exceptions")) {
                    readExceptions(json, exceptions);
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled reserved-claims.json", e);
        }
        Map<TokenType, Set<String>> map = new EnumMap<>(TokenType.class);
        for (TokenType token : TokenType.values()) {
            Set<String> names = new HashSet<>(union);
            names.removeAll(exceptions.get(token));
            map.put(token, Set.copyOf(names));
        }
        return new ReservedClaims(map);
    }

    private static void readExceptions(JsonParser json, Map<TokenType, Set<String>> exceptions) throws IOException {
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String claim = null;
            String token = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("claim")) {
                    claim = json.getText();
                } else if (field.equals("token")) {
                    token = json.getText();
                } else {
                    json.skipChildren();
                }
            }
            for (TokenType type : TokenType.values()) {
                if (type.label().equals(token) && claim != null) {
                    exceptions.get(type).add(claim);
                }
            }
        }
    }
}
