package dev.sloscout.engine.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span attributes an SLI's PromQL depends on, found from the labels it selects on, and how many of the service's
 * server spans carry each. Metrics made from spans name a label after its attribute with dots as underscores
 * ({@code http.route} becomes {@code http_route}); spanmetrics' {@code status_code="STATUS_CODE_ERROR"} reads the span
 * status, which must be ERROR on server errors. Labels the span basics always fill (service and span names, kind,
 * {@code job}) and labels of hand-made mappings that name no known attribute are not listed.
 */
public final class QueryAttributes {
    /** The label an error selector of spanmetrics reads the OTel status from. */
    public static final String SPAN_STATUS_LABEL = "status_code";
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");

    private QueryAttributes() {
    }

    /**
     * One attribute a query reads.
     *
     * @param coverage server spans of the service that carry it / server spans (for the span status: server
     *                 errors with the status ERROR / server errors)
     */
    public record Need(String label, String attribute, QualityReport.Ratio coverage) {
    }

    /** What the queries read, each attribute once, in the order first met; empty when the service was not measured. */
    public static List<Need> of(List<String> queries, QualityReport.Service service) {
        List<Need> needs = new ArrayList<>();
        if (service == null) {
            return needs;
        }
        Set<String> labels = new LinkedHashSet<>();
        for (String query : queries) {
            if (query == null) {
                continue;
            }
            Matcher m = MATCHER.matcher(query);
            while (m.find()) {
                labels.add(m.group(1));
            }
        }
        for (String label : labels) {
            if (label.equals(SPAN_STATUS_LABEL)) {
                needs.add(new Need(label, "span status ERROR on server errors", service.errorStatus()));
                continue;
            }
            for (Map.Entry<String, QualityReport.Ratio> attribute : service.serverAttributes().entrySet()) {
                if (attribute.getKey().replace('.', '_').equals(label)) {
                    needs.add(new Need(label, attribute.getKey(), attribute.getValue()));
                }
            }
        }
        return needs;
    }
}
