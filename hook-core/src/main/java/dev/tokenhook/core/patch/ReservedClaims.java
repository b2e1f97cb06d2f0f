package dev.tokenhook.core.patch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tokenhook.core.TokenType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Claims a hook must not add, replace or remove, per token. One such operation makes Okta discard the
 * whole patch. Immutable. The one place tokenhook (and the testkit's emulator) takes the table from.
 *
 * <p>The {@link #defaults() default} is exactly Okta's table "Reserved claims for Token Hooks", per
 * token, as last published in the token inline hook reference (okta-developer-docs
 * {@code docs/reference/token-hook/index.md} @ {@code 58f3aed8c7}, 2024-01-24; SPEC §6.1, source S2),
 * bundled as {@code reserved-claims.json} (its {@code reserved} list). So {@code role},
 * {@code permissions}, {@code scope}, {@code amr} and the other names Okta reserves only in the ID token
 * may be written to the access token, and {@code scp}, {@code uid}, {@code username} and the other
 * access-token-only names may be written to the ID token; {@code aud} and {@code sub} are reserved in
 * the ID token only (Okta lets a hook change them in the access token).
 *
 * <p>{@code cnf} is reserved in the access token "only when DPoP is enabled". A hook request does not
 * say whether DPoP applies, so this table reads it conservatively: {@code cnf} is always reserved in
 * both tokens ({@link #allow(TokenType, String...) allow} it in the access token if you know your
 * authorization server does not use DPoP).
 *
 * <p>Okta's table has moved before ({@code amr} went from the access token to the ID token in 2023-07):
 * adjust it with {@link #allow(TokenType, String...)} and {@link #reserve(TokenType, String...)}, or the
 * {@code tokenhook.reserved-claims.*} configuration keys.
 */
public final class ReservedClaims {

    private static final ReservedClaims DEFAULTS = loadDefaults();

    private final Map<TokenType, Set<String>> reserved;

    private ReservedClaims(Map<TokenType, Set<String>> reserved) {
        this.reserved = reserved;
    }

    /** @return Okta's per-token table described above */
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
        map.put(TokenType.ID_TOKEN, checkedNames(idToken));
        map.put(TokenType.ACCESS_TOKEN, checkedNames(accessToken));
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
     * @param claims claims to let hooks change in it
     * @return a copy without those reservations
     */
    public ReservedClaims allow(TokenType token, String... claims) {
        return change(token, Arrays.asList(claims), false);
    }

    /**
     * @param token a token
     * @param claims claims to refuse in it
     * @return a copy with those reservations
     */
    public ReservedClaims reserve(TokenType token, String... claims) {
        return change(token, Arrays.asList(claims), true);
    }

    private ReservedClaims change(TokenType token, List<String> claims, boolean add) {
        Set<String> changed = checkedNames(claims);
        Map<TokenType, Set<String>> copy = new EnumMap<>(reserved);
        Set<String> names = new HashSet<>(copy.get(token));
        if (add) {
            names.addAll(changed);
        } else {
            names.removeAll(changed);
        }
        copy.put(token, Set.copyOf(names));
        return new ReservedClaims(copy);
    }

    private static Set<String> checkedNames(Collection<String> names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A reserved claim name must not be null or blank");
            }
        }
        return Set.copyOf(names);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReservedClaims claims && reserved.equals(claims.reserved);
    }

    @Override
    public int hashCode() {
        return reserved.hashCode();
    }

    @Override
    public String toString() {
        return "ReservedClaims" + reserved;
    }

    /** Reads the {@code reserved} list (claim and tokens) from the bundled copy of Okta's table. */
    private static ReservedClaims loadDefaults() {
        Map<TokenType, Set<String>> table = new EnumMap<>(TokenType.class);
        for (TokenType token : TokenType.values()) {
            table.put(token, new HashSet<>());
        }
        try (InputStream in = ReservedClaims.class.getResourceAsStream("reserved-claims.json");
                JsonParser json = new JsonFactory().createParser(in)) {
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("reserved")) {
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        readEntry(json, table);
                    }
                } else {
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled reserved-claims.json", e);
        }
        table.replaceAll((token, names) -> Set.copyOf(names));
        return new ReservedClaims(table);
    }

    /** One {@code {"claim": ..., "tokens": [...]}} entry; a {@code condition} is read conservatively (ignored). */
    private static void readEntry(JsonParser json, Map<TokenType, Set<String>> table) throws IOException {
        String claim = null;
        List<String> tokens = new ArrayList<>(2);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            if (field.equals("claim")) {
                claim = json.getText();
            } else if (field.equals("tokens")) {
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    tokens.add(json.getText());
                }
            } else {
                json.skipChildren();
            }
        }
        for (TokenType type : TokenType.values()) {
            if (claim != null && tokens.contains(type.label())) {
                table.get(type).add(claim);
            }
        }
    }
}
