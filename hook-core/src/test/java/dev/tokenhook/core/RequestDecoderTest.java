package dev.tokenhook.core;

import static dev.tokenhook.core.SampleRequests.SECRET;
import static dev.tokenhook.core.SampleRequests.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TokenHookRequest#fromJson(byte[])}, i.e. the streaming {@code RequestDecoder}. */
class RequestDecoderTest {

    @Nested
    class Reading {

        @Test
        void readsEveryKnownPart() {
            TokenHookRequest request = TokenHookRequest.fromJson(SampleRequests.fullBytes());

            assertThat(request.eventId()).isEqualTo("evt-full-1");
            assertThat(request.eventTime()).isEqualTo("2024-05-02T19:12:03.000Z");
            assertThat(request.eventType()).isEqualTo(TokenHookRequest.EVENT_TYPE);
            assertThat(request.source()).isEqualTo("https://example.okta.com/oauth2/default/v1/token");

            HookContext context = request.context();
            assertThat(context.request()).isEqualTo(new OktaRequest("req-1", "POST",
                    "https://example.okta.com/oauth2/default/v1/token", "203.0.113.10"));
            assertThat(context.protocol().type()).isEqualTo("OAUTH2.0");
            assertThat(context.protocol().request().parameters())
                    .containsExactly(Map.entry("grant_type", "refresh_token"), Map.entry("scope", "openid profile"),
                            Map.entry("client_id", "0oa1"));
            OriginalGrant original = context.protocol().originalGrant().orElseThrow();
            assertThat(original.authorization().responseTypes()).containsExactly("code");
            assertThat(original.refreshTokenJti()).contains("oar-original");
            assertThat(context.protocol().issuerUri()).isEqualTo("https://example.okta.com/oauth2/default");
            assertThat(context.protocol().client()).isEqualTo(new Client("0oa1", "App", "PUBLIC"));
            assertThat(context.session()).contains(new Session("sess-1", "00u1", "jessie@example.com",
                    "2024-05-02T19:11:40.000Z", "2024-05-02T21:11:40.000Z", "ACTIVE", "2024-05-02T19:11:40.000Z",
                    "2024-05-02T19:11:58.000Z", List.of("PASSWORD", "OTP"), "00o1", "OKTA", true));
            User user = context.user().orElseThrow();
            assertThat(user.id()).isEqualTo("00u1");
            assertThat(user.passwordChanged()).isEqualTo("2023-01-06T18:55:52.000Z");
            assertThat(user.profile().login()).isEqualTo("jessie@example.com");
            assertThat(user.profile().lastName()).isEqualTo("Smith");
            assertThat(user.profile().attribute("department")).contains("Cardiology");
            assertThat(user.links()).containsOnlyKeys("groups", "factors");
            assertThat(context.policy()).isEqualTo(new Policy("00p1", "0pr1"));

            IdentityToken id = request.identity().orElseThrow();
            assertThat(id.lifetime()).contains(Duration.ofSeconds(3600));
            assertThat(request.access().orElseThrow().lifetime()).contains(Duration.ofSeconds(7200));
            assertThat(request.access().orElseThrow().scopes())
                    .containsExactly(Map.entry("openid", new GrantedScope("scp1", "GRANT")),
                            Map.entry("profile", new GrantedScope("scp2", "GRANT")));
            assertThat(request.refreshTokenJti()).contains("oar-current");
        }

        @Test
        void claimsArePlainJavaValues() {
            Map<String, Object> claims = TokenHookRequest.fromJson(SampleRequests.fullBytes())
                    .identity().orElseThrow().claims();

            assertThat(claims.get("ver")).isInstanceOf(Integer.class).isEqualTo(1);
            assertThat(claims.get("auth_time")).isInstanceOf(Integer.class).isEqualTo(1714677100);
            assertThat(claims.get("big")).isInstanceOf(Long.class).isEqualTo(12345678901L);
            assertThat(claims.get("ratio")).isEqualTo(new BigDecimal("0.25"));
            assertThat(claims.get("verified")).isEqualTo(Boolean.TRUE);
            assertThat(claims).containsKey("nothing");
            assertThat(claims.get("nothing")).isNull();
            assertThat(claims.get("amr")).isEqualTo(List.of("pwd", "otp"));
            assertThat(claims.get("employee_profile"))
                    .isEqualTo(Map.of("employee_id", "1234", "tags", List.of("a", Map.of("deep", List.of(1, 2)))));
            assertThat(List.copyOf(claims.keySet())).as("claim order as sent").startsWith("sub", "ver", "auth_time");
        }

        @Test
        void emptyObjectDecodesToAnEmptyRequest() {
            TokenHookRequest request = decode("{}");

            assertThat(request.eventId()).isNull();
            assertThat(request.eventType()).isNull();
            assertThat(request.context()).isEqualTo(HookContext.EMPTY);
            assertThat(request.identity()).isEmpty();
            assertThat(request.access()).isEmpty();
            assertThat(request.refreshTokenJti()).isEmpty();
            assertThat(request.grantType()).isEmpty();
            assertThat(request.grantedScopes()).isEmpty();
            assertThat(request.userLogin()).isEmpty();
            assertThat(request.clientId()).isEmpty();
            assertThat(request.groups()).isEmpty();
        }

        @Test
        void emptyTokensAreStillMinted() {
            TokenHookRequest request = decode("""
                    {"data": {"identity": {}, "access": {}}}""");

            assertThat(request.identity()).hasValueSatisfying(id -> {
                assertThat(id.claims()).isEmpty();
                assertThat(id.lifetime()).isEmpty();
            });
            assertThat(request.access()).hasValueSatisfying(at -> assertThat(at.scopes()).isEmpty());
            assertThat(request.mints(TokenType.ID_TOKEN)).isTrue();
        }

        @Test
        void urlMayBeAPlainStringAndScalarsAreReadAsText() {
            TokenHookRequest request = decode("""
                    {"eventId": 42, "data": {"context": {
                      "request": {"url": "https://example.okta.com/oauth2/default/v1/token", "method": "POST"},
                      "protocol": {"request": {"max_age": 300, "prompt": "none", "claims": {"x": 1}, "acr": null}}
                    }}}""");

            assertThat(request.eventId()).isEqualTo("42");
            assertThat(request.context().request().url()).isEqualTo("https://example.okta.com/oauth2/default/v1/token");
            assertThat(request.context().protocol().request().parameters())
                    .as("scalars as text; objects and nulls left out")
                    .containsExactly(Map.entry("max_age", "300"), Map.entry("prompt", "none"));
        }

        @Test
        void lifetimeMayBeANumericString() {
            TokenHookRequest request = decode("""
                    {"data": {"access": {"token": {"lifetime": {"expiration": "1800"}}}}}""");

            assertThat(request.access().orElseThrow().lifetime()).contains(Duration.ofMinutes(30));
        }

        @Test
        void originalGrantInBothSpellings() {
            TokenHookRequest current = decode("""
                    {"data": {"context": {"protocol": {"OriginalGrant": {
                      "authorization": {"scope": "openid email"}, "refresh_token": {"jti": "oar1"}}}}}}""");
            TokenHookRequest legacy = decode("""
                    {"data": {"context": {"protocol": {"originalGrant": {
                      "request": {"scope": "openid email"}, "refresh_token": {"jti": "oar1"}}}}}}""");

            assertThat(current.context().protocol().originalGrant()).isEqualTo(legacy.context().protocol().originalGrant())
                    .hasValueSatisfying(grant -> {
                        assertThat(grant.authorization().scopes()).containsExactly("openid", "email");
                        assertThat(grant.refreshTokenJti()).contains("oar1");
                    });
            assertThat(decode("""
                    {"data": {"context": {"protocol": {"OriginalGrant": {}}}}}""")
                    .context().protocol().originalGrant())
                    .contains(new OriginalGrant(ProtocolRequest.EMPTY, java.util.Optional.empty()));
        }
    }

    @Nested
    class Lenient {

        @Test
        void unknownFieldsAreIgnoredAtEveryLevel() {
            Map<String, Object> tree = Json.parseObject(SampleRequests.FULL);
            TokenHookRequest expected = decode(SampleRequests.FULL);
            Object complex = Json.parse("""
                    {"nested": [1, {"deep": null, "more": [true, 2.5, "x"]}], "flag": false}""");

            int added = addUnknownFields(tree, "", complex, true);

            assertThat(added).as("objects that got an unknown field").isGreaterThan(20);
            assertThat(TokenHookRequest.fromJson(Json.bytes(tree))).isEqualTo(expected);
        }

        @Test
        void unknownScalarFieldsAreIgnoredOutsideTheOpenMaps() {
            Map<String, Object> tree = Json.parseObject(SampleRequests.FULL);

            addUnknownFields(tree, "", "surprise", false);

            assertThat(TokenHookRequest.fromJson(Json.bytes(tree))).isEqualTo(decode(SampleRequests.FULL));
        }

        /**
         * Adds {@code x-unknown} to every object except those whose members are data: claims, the
         * profile, scopes, and (for scalar values) OAuth parameters.
         */
        @SuppressWarnings("unchecked")
        private int addUnknownFields(Object node, String path, Object value, boolean intoParameters) {
            int count = 0;
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> object = (Map<String, Object>) map;
                for (Map.Entry<String, Object> entry : object.entrySet()) {
                    count += addUnknownFields(entry.getValue(), path + "." + entry.getKey(), value, intoParameters);
                }
                boolean open = path.endsWith(".claims") || path.contains(".claims.") || path.endsWith(".profile")
                        || path.endsWith(".scopes");
                boolean parameters = path.endsWith("protocol.request") || path.endsWith("OriginalGrant.authorization");
                if (!open && (intoParameters || !parameters)) {
                    object.put("x-unknown", value);
                    count++;
                }
            } else if (node instanceof List<?> list) {
                for (Object item : list) {
                    count += addUnknownFields(item, path + "[]", value, intoParameters);
                }
            }
            return count;
        }

        static Stream<String> everyPath() {
            List<String> paths = new ArrayList<>();
            collectPaths(Json.parse(SampleRequests.FULL), "", paths);
            return paths.stream();
        }

        private static void collectPaths(Object node, String path, List<String> paths) {
            if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String child = path.isEmpty() ? (String) entry.getKey() : path + "." + entry.getKey();
                    paths.add(child);
                    collectPaths(entry.getValue(), child, paths);
                }
            }
        }

        @ParameterizedTest
        @MethodSource("everyPath")
        void everyMemberIsOptional(String path) {
            Map<String, Object> tree = Json.parseObject(SampleRequests.FULL);
            parentOf(tree, path).remove(last(path));

            TokenHookRequest request = TokenHookRequest.fromJson(Json.bytes(tree));

            assertThat(request).as("every member of the sample is read").isNotEqualTo(decode(SampleRequests.FULL));
            switch (path) {
                case "data" -> {
                    assertThat(request.context()).isEqualTo(HookContext.EMPTY);
                    assertThat(request.identity()).isEmpty();
                    assertThat(request.access()).isEmpty();
                    assertThat(request.refreshTokenJti()).isEmpty();
                    assertThat(request.eventId()).isEqualTo("evt-full-1");
                }
                case "data.context" -> assertThat(request.context()).isEqualTo(HookContext.EMPTY);
                case "data.context.user" -> assertThat(request.user()).isEmpty();
                case "data.context.session" -> assertThat(request.context().session()).isEmpty();
                case "data.context.protocol.OriginalGrant" ->
                        assertThat(request.context().protocol().originalGrant()).isEmpty();
                case "data.identity" -> assertThat(request.identity()).isEmpty();
                case "data.identity.token" -> assertThat(request.identity().orElseThrow().lifetime()).isEmpty();
                case "data.access" -> assertThat(request.access()).isEmpty();
                case "data.access.scopes" -> assertThat(request.access().orElseThrow().scopes()).isEmpty();
                case "data.refresh_token" -> assertThat(request.refreshTokenJti()).isEmpty();
                default -> { }
            }
        }

        @ParameterizedTest
        @MethodSource("everyPath")
        void everyMemberMayBeNull(String path) {
            Map<String, Object> tree = Json.parseObject(SampleRequests.FULL);
            parentOf(tree, path).put(last(path), null);

            assertThat(TokenHookRequest.fromJson(Json.bytes(tree))).isNotNull();
        }

        @Test
        void nullMeansAbsent() {
            TokenHookRequest request = decode("""
                    {"eventId": null, "data": {"context": {"request": null, "protocol": {"request": null,
                       "OriginalGrant": null, "issuer": null, "client": null}, "session": null, "user": null,
                       "policy": null},
                     "identity": {"claims": null, "token": null},
                     "access": {"claims": {"a": null}, "token": {"lifetime": {"expiration": null}}, "scopes": null},
                     "refresh_token": null}}""");

            assertThat(request.eventId()).isNull();
            assertThat(request.context().request()).isEqualTo(OktaRequest.EMPTY);
            assertThat(request.context().protocol())
                    .isEqualTo(new Protocol(null, ProtocolRequest.EMPTY, java.util.Optional.empty(), null, Client.EMPTY));
            assertThat(request.context().session()).isEmpty();
            assertThat(request.context().user()).isEmpty();
            assertThat(request.context().policy()).isEqualTo(Policy.EMPTY);
            assertThat(request.identity().orElseThrow().claims()).isEmpty();
            assertThat(request.identity().orElseThrow().lifetime()).isEmpty();
            assertThat(request.access().orElseThrow().claims()).containsEntry("a", null);
            assertThat(request.access().orElseThrow().lifetime()).isEmpty();
            assertThat(request.refreshTokenJti()).isEmpty();
            assertThat(decode("{\"data\": null}").context()).isEqualTo(HookContext.EMPTY);
            assertThat(decode("""
                    {"data": {"context": {"session": {"amr": null, "mfaActive": null, "idp": null}}}}""")
                    .context().session()).hasValueSatisfying(s -> {
                        assertThat(s.amr()).isEmpty();
                        assertThat(s.mfaActive()).isNull();
                        assertThat(s.idpType()).isNull();
                    });
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> parentOf(Map<String, Object> tree, String path) {
            Map<String, Object> node = tree;
            String[] steps = path.split("\\.");
            for (int i = 0; i < steps.length - 1; i++) {
                node = (Map<String, Object>) node.get(steps[i]);
            }
            return node;
        }

        private String last(String path) {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    @Nested
    class WrongTypes {

        static Stream<Arguments> wrongTypes() {
            String s = "\"" + SECRET + "\"";
            String a = "[" + s + "]";
            String o = "{\"v\": " + s + "}";
            return Stream.of(
                    Arguments.of("{\"eventId\": " + a + "}", "eventId"),
                    Arguments.of("{\"eventType\": " + o + "}", "eventType"),
                    Arguments.of("{\"data\": " + s + "}", "data"),
                    Arguments.of("{\"data\": " + a + "}", "data"),
                    Arguments.of(data("\"context\": " + s), "data.context"),
                    Arguments.of(context("\"request\": " + a), "data.context.request"),
                    Arguments.of(context("\"request\": {\"method\": " + o + "}"), "data.context.request.method"),
                    Arguments.of(context("\"request\": {\"url\": " + a + "}"), "data.context.request.url"),
                    Arguments.of(context("\"request\": {\"url\": {\"value\": " + o + "}}"),
                            "data.context.request.url.value"),
                    Arguments.of(context("\"protocol\": " + s), "data.context.protocol"),
                    Arguments.of(context("\"protocol\": {\"request\": " + s + "}"), "data.context.protocol.request"),
                    Arguments.of(context("\"protocol\": {\"OriginalGrant\": " + a + "}"),
                            "data.context.protocol.OriginalGrant"),
                    Arguments.of(context("\"protocol\": {\"originalGrant\": " + s + "}"),
                            "data.context.protocol.originalGrant"),
                    Arguments.of(context("\"protocol\": {\"OriginalGrant\": {\"authorization\": " + s + "}}"),
                            "data.context.protocol.OriginalGrant.authorization"),
                    Arguments.of(context("\"protocol\": {\"originalGrant\": {\"request\": " + a + "}}"),
                            "data.context.protocol.originalGrant.request"),
                    Arguments.of(context("\"protocol\": {\"OriginalGrant\": {\"refresh_token\": " + s + "}}"),
                            "data.context.protocol.OriginalGrant.refresh_token"),
                    Arguments.of(context("\"protocol\": {\"issuer\": " + s + "}"), "data.context.protocol.issuer"),
                    Arguments.of(context("\"protocol\": {\"issuer\": {\"uri\": " + o + "}}"),
                            "data.context.protocol.issuer.uri"),
                    Arguments.of(context("\"protocol\": {\"client\": " + a + "}"), "data.context.protocol.client"),
                    Arguments.of(context("\"protocol\": {\"client\": {\"id\": " + a + "}}"),
                            "data.context.protocol.client.id"),
                    Arguments.of(context("\"session\": " + s), "data.context.session"),
                    Arguments.of(context("\"session\": {\"login\": " + o + "}"), "data.context.session.login"),
                    Arguments.of(context("\"session\": {\"amr\": " + s + "}"), "data.context.session.amr"),
                    Arguments.of(context("\"session\": {\"amr\": [" + o + "]}"), "data.context.session.amr[]"),
                    Arguments.of(context("\"session\": {\"idp\": " + s + "}"), "data.context.session.idp"),
                    Arguments.of(context("\"session\": {\"mfaActive\": " + s + "}"),
                            "data.context.session.mfaActive"),
                    Arguments.of(context("\"user\": " + s), "data.context.user"),
                    Arguments.of(context("\"user\": " + a), "data.context.user"),
                    Arguments.of(context("\"user\": {\"id\": " + o + "}"), "data.context.user.id"),
                    Arguments.of(context("\"user\": {\"profile\": " + s + "}"), "data.context.user.profile"),
                    Arguments.of(context("\"user\": {\"_links\": " + a + "}"), "data.context.user._links"),
                    Arguments.of(context("\"policy\": " + a), "data.context.policy"),
                    Arguments.of(context("\"policy\": {\"rule\": " + s + "}"), "data.context.policy.rule"),
                    Arguments.of(data("\"identity\": " + s), "data.identity"),
                    Arguments.of(data("\"identity\": {\"claims\": " + a + "}"), "data.identity.claims"),
                    Arguments.of(data("\"identity\": {\"token\": " + s + "}"), "data.identity.token"),
                    Arguments.of(data("\"identity\": {\"token\": {\"lifetime\": " + s + "}}"),
                            "data.identity.token.lifetime"),
                    Arguments.of(data("\"identity\": {\"token\": {\"lifetime\": {\"expiration\": " + s + "}}}"),
                            "data.identity.token.lifetime.expiration"),
                    Arguments.of(data("\"access\": " + a), "data.access"),
                    Arguments.of(data("\"access\": {\"claims\": " + s + "}"), "data.access.claims"),
                    Arguments.of(data("\"access\": {\"scopes\": " + a + "}"), "data.access.scopes"),
                    Arguments.of(data("\"access\": {\"token\": {\"lifetime\": {\"expiration\": 1.5}}}"),
                            "data.access.token.lifetime.expiration"),
                    Arguments.of(data("\"access\": {\"token\": {\"lifetime\": {\"expiration\": " + o + "}}}"),
                            "data.access.token.lifetime.expiration"),
                    Arguments.of(data("\"refresh_token\": " + s), "data.refresh_token"));
        }

        private static String data(String members) {
            return "{\"data\": {" + members + "}}";
        }

        private static String context(String members) {
            return data("\"context\": {" + members + "}");
        }

        /** Values of another JSON type whose meaning is still unambiguous: read, not ignored. */
        private static final java.util.Set<String> COERCED = java.util.Set.of(
                "data.context.session.amr", "data.access.scopes");

        @ParameterizedTest
        @MethodSource("wrongTypes")
        void wrongTypeIsLeftOutAndNamedButTheRestDecodes(String json, String location) {
            TokenHookRequest request = decode(json);

            String at = location.endsWith("[]") ? location.replace("[]", "[0]") : location;
            if (COERCED.contains(at)) {
                assertThat(request.ignoredFields()).as("decoding %s", json).isEmpty();
            } else {
                assertThat(request.ignoredFields()).as("decoding %s", json).containsExactly(at);
                assertThat(request.unmappedFields()).containsKey(at);
            }
            assertThat(request.ignoredFields().toString()).doesNotContain(SECRET).doesNotContain("\"v\"");
        }

        @Test
        void theMistypedFieldsOktaWasSeenToSendDecode() {
            TokenHookRequest request = decode("""
                    {"data": {"context": {
                       "request": {"id": {}},
                       "protocol": {"client": {"type": []}, "request": {"claims": {"id_token": {"acr": null}},
                                    "scope": "openid"}},
                       "session": {"mfaActive": "false", "amr": "PASSWORD", "idp": "OKTA"},
                       "user": {"_links": {"groups": [{"href": "https://g"}], "apps": [{"href": "a"}, {"href": "b"}]}},
                       "policy": {"rule": "x"}},
                     "identity": {"token": {"lifetime": {"expiration": 3600.0}}},
                     "access": {"token": {"lifetime": 3600}, "scopes": ["openid", "profile", "openid"]},
                     "refresh_token": "x"}}""");

            Session session = request.context().session().orElseThrow();
            assertThat(session.mfaActive()).isFalse();
            assertThat(session.amr()).containsExactly("PASSWORD");
            assertThat(session.idpType()).isNull();
            assertThat(request.identity().orElseThrow().lifetime()).contains(Duration.ofHours(1));
            assertThat(request.access().orElseThrow().lifetime()).isEmpty();
            assertThat(request.access().orElseThrow().scopes()).containsOnlyKeys("openid", "profile");
            assertThat(request.grantedScopes()).containsExactly("openid", "profile");
            assertThat(request.context().protocol().request().parameters()).containsExactly(Map.entry("scope", "openid"));
            assertThat(request.user().orElseThrow().links()).containsExactly(Map.entry("groups", "https://g"));
            assertThat(request.refreshTokenJti()).isEmpty();
            assertThat(request.ignoredFields()).containsExactly("data.context.request.id",
                    "data.context.protocol.client.type", "data.context.protocol.request.claims",
                    "data.context.session.idp", "data.context.user._links.apps", "data.context.policy.rule",
                    "data.access.token.lifetime", "data.refresh_token");
            assertThat(request.unmapped("data.context.protocol.request.claims"))
                    .contains(Map.of("id_token", java.util.Collections.singletonMap("acr", null)));
            assertThat(request.unmapped("data.context.user._links.apps")).contains(
                    List.of(Map.of("href", "a"), Map.of("href", "b")));
            assertThat(request.unmapped("data.context.session.idp")).contains("OKTA");
        }

        @Test
        void membersTheModelDoesNotNameStayReachable() {
            TokenHookRequest request = decode("""
                    {"riskLevel": "HIGH", "data": {"context": {"device": {"managed": true, "tags": [1, 2.5]},
                      "session": {"id": "s1", "assurance": null}}}}""");

            assertThat(request.ignoredFields()).isEmpty();
            assertThat(request.unmappedFields()).containsOnlyKeys("riskLevel", "data.context.device",
                    "data.context.session.assurance");
            assertThat(request.unmapped("data.context.device"))
                    .contains(Map.of("managed", true, "tags", List.of(1, new BigDecimal("2.5"))));
            assertThat(request.unmapped("data.context.session.assurance")).isEmpty();
            assertThatThrownBy(() -> request.unmappedFields().put("x", 1))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(request).as("not part of the request's value").isEqualTo(decode("""
                    {"data": {"context": {"session": {"id": "s1"}}}}"""));
        }
    }

    @Nested
    class Malformed {

        @ParameterizedTest
        @ValueSource(strings = {
            "{",
            "{\"eventId\": \"secret-claim-value-7731",
            "{\"eventId\" \"secret-claim-value-7731\"}",
            "{\"eventId\": secret-claim-value-7731}",
            "{\"eventId\": \"x\",}",
            "{'eventId': 'secret-claim-value-7731'}",
            "{\"data\": {\"identity\": {\"claims\": {\"a\": [1, 2}}}}",
            "{\"data\": {\"identity\": {\"claims\": {\"a\": NaN}}}}",
            "{\"data\": {\"identity\": {\"claims\": {\"a\": 01}}}}",
            "{\"data\": {\"identity\": {\"claims\": {\"a\": \"tab\tinside\"}}}}",
            "{}x",
            "{} {}",
            "{}[]",
        })
        void malformedJson(String json) {
            assertThatThrownBy(() -> decode(json))
                    .isInstanceOf(RequestDecodingException.class)
                    .message().doesNotContain(SECRET);
        }

        @Test
        void trailingWhitespaceIsFine() {
            assertThat(decode("{}  \r\n\t").eventId()).isNull();
        }

        @Test
        void trailingValueIsNamed() {
            assertThatThrownBy(() -> decode("{\"eventId\": \"a\"} {\"eventId\": \"b\"}"))
                    .isInstanceOf(RequestDecodingException.class)
                    .hasMessage("Unexpected content after the JSON object");
        }

        @Test
        void emptyBody() {
            assertThatThrownBy(() -> TokenHookRequest.fromJson(new byte[0]))
                    .isInstanceOf(RequestDecodingException.class).hasMessage("Request body is empty");
            assertThatThrownBy(() -> TokenHookRequest.fromJson((byte[]) null))
                    .isInstanceOf(RequestDecodingException.class).hasMessage("Request body is empty");
            assertThatThrownBy(() -> decode("  \n "))
                    .isInstanceOf(RequestDecodingException.class).hasMessage("Request body must be a JSON object");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[{}]", "\"secret-claim-value-7731\"", "42", "true", "null"})
        void topLevelMustBeAnObject(String json) {
            assertThatThrownBy(() -> decode(json))
                    .isInstanceOf(RequestDecodingException.class)
                    .hasMessage("Request body must be a JSON object");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"eventId\": \"a\", \"eventId\": \"b\"}",
            "{\"data\": {}, \"data\": {}}",
            "{\"data\": {\"identity\": {\"claims\": {\"sub\": \"a\", \"sub\": \"a\"}}}}",
            "{\"data\": {\"access\": {\"scopes\": {\"openid\": {}, \"openid\": {}}}}}",
            "{\"data\": {\"context\": {\"unknown\": {\"k\": 1, \"k\": 2}}}}",
        })
        void duplicateKeysAreRefusedEverywhere(String json) {
            assertThatThrownBy(() -> decode(json)).isInstanceOf(RequestDecodingException.class);
        }

        @Test
        void invalidUtf8() {
            byte[] json = "{\"eventId\": \"ab\"}".getBytes(StandardCharsets.US_ASCII);
            json[13] = (byte) 0xC3; // a two-byte lead ...
            json[14] = (byte) 0x28; // ... followed by a non-continuation byte

            assertThatThrownBy(() -> TokenHookRequest.fromJson(json)).isInstanceOf(RequestDecodingException.class);
        }

        @Test
        void wrongEventType() {
            assertThatThrownBy(() -> decode("{\"eventType\": \"com.okta.user.pre-registration\"}"))
                    .isInstanceOf(RequestDecodingException.class)
                    .hasMessageContaining("eventType is not com.okta.oauth2.tokens.transform")
                    .message().doesNotContain("pre-registration");
            assertThatThrownBy(() -> decode("{\"eventType\": \"\"}")).isInstanceOf(RequestDecodingException.class);
            assertThat(decode("{\"eventType\": null}").eventType()).isNull();
        }

        @Test
        void outOfRangeNumbersInClaims() {
            for (String number : List.of("1e9999999999", "-1e-99999999999", "0.5e-9999999999999")) {
                assertThatThrownBy(() -> decode("{\"data\": {\"access\": {\"claims\": {\"n\": " + number + "}}}}"))
                        .as(number)
                        .isInstanceOf(RequestDecodingException.class)
                        .hasMessageContaining("number out of range")
                        .message().doesNotContain(number);
            }
            assertThat(decode("{\"data\": {\"access\": {\"claims\": {\"n\": 1e999999999}}}}")
                    .access().orElseThrow().claims().get("n")).isEqualTo(new BigDecimal("1e999999999"));
        }

        @Test
        void lifetimeBeyondALongIsIgnored() {
            TokenHookRequest request = decode(
                    "{\"data\": {\"identity\": {\"token\": {\"lifetime\": {\"expiration\": 99999999999999999999}}}}}");

            assertThat(request.identity().orElseThrow().lifetime()).isEmpty();
            assertThat(request.ignoredFields()).containsExactly("data.identity.token.lifetime.expiration");
        }
    }

    @Nested
    class Limits {

        private static String claim(String value) {
            return "{\"data\": {\"identity\": {\"claims\": {\"x\": " + value + "}}}}";
        }

        @Test
        void nestingDepthUpTo64() {
            // The envelope uses 4 levels (root, data, identity, claims) before the claim value.
            assertThat(decode(claim("[".repeat(60) + "]".repeat(60))).identity()).isPresent();
            assertThatThrownBy(() -> decode(claim("[".repeat(61) + "]".repeat(61))))
                    .isInstanceOf(RequestDecodingException.class)
                    .hasMessageContaining("nesting depth");
            assertThatThrownBy(() -> decode("{\"skipped\": " + "{\"a\": ".repeat(200) + "1" + "}".repeat(201)))
                    .as("also in skipped members")
                    .isInstanceOf(RequestDecodingException.class);
        }

        @Test
        void stringsUpTo64KiB() {
            int max = 64 * 1024;
            assertThat(decode(claim("\"" + "a".repeat(max) + "\"")).identity().orElseThrow().claims().get("x"))
                    .asString().hasSize(max);
            assertThatThrownBy(() -> decode(claim("\"" + "a".repeat(max + 1) + "\"")))
                    .isInstanceOf(RequestDecodingException.class)
                    .hasMessageContaining("string");
            assertThatThrownBy(() -> decode("{\"eventId\": \"" + "a".repeat(max + 1) + "\"}"))
                    .isInstanceOf(RequestDecodingException.class);
        }

        @Test
        void numbersUpTo64Characters() {
            assertThat(decode(claim("1".repeat(64))).identity().orElseThrow().claims().get("x"))
                    .isEqualTo(new java.math.BigInteger("1".repeat(64)));
            assertThatThrownBy(() -> decode(claim("1".repeat(65))))
                    .isInstanceOf(RequestDecodingException.class)
                    .hasMessageContaining("number");
            assertThatThrownBy(() -> decode(claim("0." + "1".repeat(70))))
                    .isInstanceOf(RequestDecodingException.class);
            assertThatThrownBy(() -> decode("{\"skipped\": " + "9".repeat(65) + "}"))
                    .as("also in skipped members")
                    .isInstanceOf(RequestDecodingException.class);
        }

        @Test
        void namesUpTo1024Characters() {
            assertThat(decode("{\"" + "n".repeat(1024) + "\": 1}")).isNotNull();
            assertThatThrownBy(() -> decode("{\"" + "n".repeat(1025) + "\": 1}"))
                    .isInstanceOf(RequestDecodingException.class);
        }

        @Test
        void documentUpTo4MiB() {
            byte[] tooLarge = new byte[4 * 1024 * 1024 + 1];
            java.util.Arrays.fill(tooLarge, (byte) ' ');
            tooLarge[0] = '{';
            tooLarge[tooLarge.length - 1] = '}';

            assertThatThrownBy(() -> TokenHookRequest.fromJson(tooLarge))
                    .isInstanceOf(RequestDecodingException.class)
                    .hasMessageContaining("exceeds");
        }
    }

    @Nested
    class ReadOnly {

        private final TokenHookRequest request = TokenHookRequest.fromJson(SampleRequests.fullBytes());
        private final Map<String, Object> claims = request.identity().orElseThrow().claims();

        @Test
        void claimsCannotBeChanged() {
            assertThatThrownBy(() -> claims.put("sub", "other")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> claims.put("new", "x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> claims.remove("sub")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(claims::clear).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> claims.keySet().remove("sub")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> claims.entrySet().iterator().next().setValue("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> claims.replaceAll((k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(claims).containsEntry("sub", "00u1");
        }

        @Test
        @SuppressWarnings("unchecked")
        void nestedClaimsCannotBeChanged() {
            Map<String, Object> profile = (Map<String, Object>) claims.get("employee_profile");
            List<Object> tags = (List<Object>) profile.get("tags");
            Map<String, Object> deep = (Map<String, Object>) tags.get(1);
            List<Object> amr = (List<Object>) claims.get("amr");

            assertThatThrownBy(() -> profile.put("employee_id", "x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.add("b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> tags.remove(0)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> deep.remove("deep")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> ((List<Object>) deep.get("deep")).add(3))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(amr::clear).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void otherMapsAndListsCannotBeChanged() {
            assertThatThrownBy(() -> request.access().orElseThrow().scopes().remove("openid"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> request.context().protocol().request().parameters().put("scope", "admin"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> request.user().orElseThrow().profile().attributes().put("login", "x"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> request.user().orElseThrow().links().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> request.context().session().orElseThrow().amr().add("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
