package dev.tokenhook.servlet.readme;

// tag::servlet[]
import dev.tokenhook.core.rule.ClaimRule;
import dev.tokenhook.servlet.TokenHookServlets;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.Optional;

@WebListener
public class PatientHookListener implements ServletContextListener {

    /** Your lookup of a patient id by login, e.g. a JDBC query. */
    interface PatientStore {
        Optional<String> patientIdFor(String login);
    }

    private final PatientStore store = login -> login.equals("isaac.brock@example.com")
            ? Optional.of("1234") : Optional.empty();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ClaimRule patientId = ClaimRule.named("patient-id", (request, patch) ->
                request.userLogin()
                        .flatMap(store::patientIdFor)
                        .ifPresent(id -> patch.idToken().add("extPatientId", id)));
        // tokenhook.* from context init-parameters, system properties or the environment
        // (e.g. TOKENHOOK_AUTH_HEADER_SECRETS); serves tokenhook.path, default /okta/token-hook
        TokenHookServlets.register(event.getServletContext(), List.of(patientId));
    }
}
// end::servlet[]
