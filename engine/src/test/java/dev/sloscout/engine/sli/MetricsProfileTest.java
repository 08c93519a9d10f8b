package dev.sloscout.engine.sli;

import dev.sloscout.engine.journey.Journey;
import dev.sloscout.engine.model.SpanKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsProfileTest {

    private static MetricsProfile profile(String calls, String serviceLabel, String errorSelector, String extra, double[] bounds) {
        return new MetricsProfile("mine", "my metrics", calls, serviceLabel, "route", extra, errorSelector,
                "req_duration_seconds_bucket", "req_duration_seconds_count", 1, bounds, false);
    }

    @Test
    void theBuiltInProfilesAreValid() {
        assertThat(MetricsProfile.DEFAULTS).allSatisfy(p -> assertThat(p.problems()).isEmpty());
    }

    @Test
    void aUserProfileIsCheckedBeforeAnythingOfItReachesPromQl() {
        assertThat(profile("req_total", "svc", "code=~\"5..\", env!=\"dev\"", "", new double[] {100, 250}).problems()).isEmpty();
        assertThat(profile("req total", "svc", "code=\"500\"", "", new double[] {100}).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("callsMetric must be a Prometheus metric name"));
        assertThat(profile("req_total", "svc-name", "code=\"500\"", "", new double[] {100}).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("serviceLabel"));
        assertThat(profile("req_total", "svc", "code=\"500\"} or vector(1) #", "", new double[] {100}).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("errorSelector"));
        assertThat(profile("req_total", "svc", "code=\"5\\\"00\"", "job=\"a\"", new double[] {100}).problems()).isEmpty();
        assertThat(profile("req_total", "svc", "code=\"500\"", "job=a", new double[] {100}).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("extraSelectors"));
        assertThat(profile("req_total", "svc", "code=\"500\"", "", new double[] {250, 100}).problems())
                .singleElement().satisfies(p -> assertThat(p).contains("increasing"));
    }

    /** A selector's value of any length is checked, never overflowing the stack (a profile is a user's file). */
    @Test
    void aHugeSelectorValueIsCheckedLikeAShortOne() {
        String value = "5\\\"0".repeat(30_000);
        assertThat(profile("req_total", "svc", "code=\"" + value + "\"", "job=\"" + value + "\"", new double[] {100})
                .problems()).isEmpty();
        assertThat(profile("req_total", "svc", "code=\"" + value + "\"", "job=" + value, new double[] {100})
                .problems()).singleElement().satisfies(p -> assertThat(p).startsWith("extraSelectors"));
        assertThat(profile("req_total", "svc", "code=\"" + value + "\"", "", new double[] {100}).testLabels())
                .isNotNull();
    }

    /**
     * Span metrics label each span's kind: a journey entered at a consumer (a Kafka message), a client call or an
     * internal span selects that kind, not the server kind (its series would be none); a server entry, an entry of an
     * analysis written before kinds were kept, and selectors that name no kind are as they were.
     */
    @Test
    void spanMetricsSelectTheKindOfTheJourneysEntrySpan() {
        java.util.function.Function<SpanKind, Journey.Entry> entry = kind -> new Journey.Entry("billing", "orders process",
                null, null, "orders process", kind);
        assertThat(MetricsProfile.SPANMETRICS.extraSelectors(entry.apply(SpanKind.CONSUMER)))
                .isEqualTo("span_kind=\"SPAN_KIND_CONSUMER\"");
        assertThat(MetricsProfile.SPANMETRICS.extraSelectors(entry.apply(SpanKind.CLIENT)))
                .isEqualTo("span_kind=\"SPAN_KIND_CLIENT\"");
        assertThat(MetricsProfile.SPANMETRICS.extraSelectors(entry.apply(SpanKind.SERVER)))
                .isEqualTo("span_kind=\"SPAN_KIND_SERVER\"");
        assertThat(MetricsProfile.SPANMETRICS.extraSelectors(entry.apply(null)))
                .isEqualTo("span_kind=\"SPAN_KIND_SERVER\"");
        MetricsProfile mine = profile("req_total", "svc", "code=\"500\"", "job=\"a\"", new double[] {100});
        assertThat(mine.extraSelectors(entry.apply(SpanKind.CONSUMER))).isEqualTo("job=\"a\"");
    }

    @Test
    void testSeriesLabelsTellAFailedRequestFromAFineOne() {
        assertThat(MetricsProfile.SPANMETRICS.testLabels()).isEqualTo(new MetricsProfile.TestLabels(
                "status_code=\"STATUS_CODE_UNSET\"", "status_code=\"STATUS_CODE_ERROR\""));
        assertThat(MetricsProfile.OTEL_HTTP.testLabels()).isEqualTo(new MetricsProfile.TestLabels(
                "http_response_status_code=\"200\"", "http_response_status_code=\"500\""));
        assertThat(profile("req_total", "svc", "code=~\"5..\", env!=\"dev\"", "", new double[] {100}).testLabels())
                .isEqualTo(new MetricsProfile.TestLabels("code=\"200\",env=\"500\"", "code=\"500\",env=\"500\""));
        assertThat(profile("req_total", "svc", "outcome!=\"SUCCESS\"", "", new double[] {100}).testLabels())
                .isEqualTo(new MetricsProfile.TestLabels("outcome=\"SUCCESS\"", "outcome=\"500\""));
        assertThat(profile("req_total", "svc", "code=~\"x^\"", "", new double[] {100}).problems())
                .singleElement().satisfies(p -> assertThat(p).startsWith("errorSelector must be one matcher"));
        assertThat(MetricsProfile.OTEL_HTTP.le(250)).isEqualTo("0.25");
        assertThat(MetricsProfile.SPANMETRICS.le(250)).isEqualTo("250");
    }
}
