package dev.sloscout.pipeline.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sloscout.pipeline.Analyses;
import dev.sloscout.pipeline.Analysis;
import dev.sloscout.pipeline.Pipeline;
import dev.sloscout.pipeline.PipelineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which services and routes a bundle may touch: an allow list of services, forbidden routes by pattern. */
class ServiceAndRouteRulesTest {
    @TempDir
    Path dir;

    private PolicyCheck.Verdict check(String yaml) throws Exception {
        Analysis demo = Analyses.smallDemo();
        Policy policy = Policy.read(Files.writeString(dir.resolve("policy.yaml"), yaml));
        return PolicyCheck.check(policy, new Pipeline(PipelineOptions.defaults(), () -> false, (i, s) -> { })
                .slos(demo), demo);
    }

    @Test
    void servicesOutsideTheAllowListAndForbiddenRoutesAreViolations() throws Exception {
        PolicyCheck.Verdict verdict = check("""
                rules:
                  - name: shop-front-only
                    mode: block
                    allowServices: [cart]
                  - name: no-admin-routes
                    mode: warn
                    forbidRoutes: ["* *admin*", "frontend POST /checkout"]
                """);
        var services = verdict.blastRadius().services();
        assertThat(services).contains("frontend").doesNotContain("cart");
        assertThat(verdict.of(Policy.Mode.BLOCK)).singleElement().satisfies(v -> assertThat(v.message())
                .isEqualTo("the bundle has SLOs on services outside the allowed list: " + String.join(", ",
                        services)));
        boolean checkoutRoute = verdict.blastRadius().routes().contains("frontend POST /checkout");
        assertThat(verdict.of(Policy.Mode.WARN)).hasSize(checkoutRoute ? 1 : 0);

        PolicyCheck.Verdict allowed = check("rules:\n  - name: all\n    mode: block\n    allowServices: ["
                + String.join(", ", services) + "]\n");
        assertThat(allowed.blocked()).isFalse();
    }

    @Test
    void routePatternsMatchWholeRoutes() {
        assertThat(PolicyCheck.matches("frontend *", "frontend GET /cart")).isTrue();
        assertThat(PolicyCheck.matches("* /admin*", "api GET /admin/users")).as("* spans spaces too").isTrue();
        assertThat(PolicyCheck.matches("web *", "api GET /admin/users")).isFalse();
        assertThat(PolicyCheck.matches("* * /admin*", "api GET /admin/users")).isTrue();
        assertThat(PolicyCheck.matches("api GET /cart", "api GET /cart/{id}")).isFalse();
        assertThat(PolicyCheck.matches("a.b (x)", "a.b (x)")).isTrue();
    }

    @Test
    void aListLimitNeedsAList() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - name: x\n    mode: block\n"
                + "    allowServices: 3\n");
        assertThatThrownBy(() -> Policy.read(file)).hasMessageStartingWith(file + ":4: rule 'x': ");
    }
}
