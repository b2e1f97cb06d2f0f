package dev.tokenhook.examples.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenhook.testkit.HookCall;
import dev.tokenhook.testkit.OktaHookCaller;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The patient scenario over HTTP against the app on a random port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JettyHookAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyHookApp app;
    private OktaHookCaller okta;

    @BeforeAll
    void start() throws Exception {
        app = JettyHookApp.start(0, PatientRequests.SECRET);
        okta = new OktaHookCaller(app.hookUri(), "Authorization", PatientRequests.SECRET);
    }

    @AfterAll
    void stop() throws Exception {
        app.close();
    }

    @Test
    void patientGetsExtPatientIdInTheIdToken() throws IOException {
        HookCall call = okta.call(PatientRequests.signIn("evt-patient", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree("""
                {"commands":[{"type":"com.okta.identity.patch",
                  "value":[{"op":"add","path":"/claims/extPatientId","value":"1234"}]}]}
                """));
    }

    @Test
    void nonPatientGetsNoChange() throws IOException {
        HookCall call = okta.call(PatientRequests.signIn("evt-other", "someone@example.com"));

        assertThat(call.status()).isEqualTo(200);
        assertThat(JSON.readTree(call.body())).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void wrongSecretIs401() {
        HookCall call = new OktaHookCaller(app.hookUri(), "Authorization", "Basic bm9wZQ==")
                .call(PatientRequests.signIn("evt-401", "isaac.brock@example.com"));

        assertThat(call.status()).isEqualTo(401);
        assertThat(call.bodyText()).doesNotContain("1234");
    }

    @Test
    void refusesToStartWithoutASecret() {
        assertThatThrownBy(() -> JettyHookApp.start(0, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOKENHOOK_AUTH_SECRET is not set");
    }

    @Test
    void portDefaultsTo8080AndMustBeANumber() {
        assertThat(JettyHookApp.port(null)).isEqualTo(8080);
        assertThat(JettyHookApp.port(" 9090 ")).isEqualTo(9090);
        assertThatThrownBy(() -> JettyHookApp.port("http")).hasMessageContaining("PORT");
    }
}
