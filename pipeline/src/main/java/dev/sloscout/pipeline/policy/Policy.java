package dev.sloscout.pipeline.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A policy a bundle must pass before it is written (docs/policy.md): rules, each with a {@code name}, a {@code mode}
 * (block, warn or audit) and exactly one limit, and the price of a series per month that cost limits need. Read
 * strictly: an unknown key, a second limit, a wrong type or a missing name is an error naming the file, the line and
 * the rule.
 */
public record Policy(Path file, Double pricePerSeriesMonth, List<Rule> rules) {
    /** What a violated rule does. */
    public enum Mode { BLOCK, WARN, AUDIT }

    /** The limits a rule can set; the service and route rules take a list, the others a number. */
    public enum Limit {
        MAX_SERVICES("maxServices"), MAX_TRAFFIC_SHARE("maxTrafficShare"), MAX_ALERT_RULES("maxAlertRules"),
        MAX_PAGES_PER_WEEK("maxPagesPerWeek"), MAX_NEW_SERIES("maxNewSeries"), MAX_MONTHLY_COST("maxMonthlyCost"),
        MIN_OBJECTIVE_MARGIN("minObjectiveMargin"), MAX_SLOS("maxSlos"), FORBID_SERVICES("forbidServices"),
        ALLOW_SERVICES("allowServices"), FORBID_ROUTES("forbidRoutes");

        /** Takes a list of names (routes: {@code service operation}, {@code *} matching any text). */
        public boolean takesList() {
            return this == FORBID_SERVICES || this == ALLOW_SERVICES || this == FORBID_ROUTES;
        }

        final String key;

        Limit(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Limit of(String key) {
            for (Limit l : values()) {
                if (l.key.equals(key)) {
                    return l;
                }
            }
            return null;
        }
    }

    /** One rule: a number, or for the list limits ({@link Limit#takesList()}) the names in {@code services}. */
    public record Rule(String name, Mode mode, Limit limit, double value, List<String> services, int line) {
    }

    /** A policy file that cannot be used: the message names the file, the line and the rule. */
    public static final class PolicyException extends Exception {
        private static final long serialVersionUID = 1L;

        PolicyException(String message) {
            super(message);
        }
    }

    private static final Set<String> RULE_KEYS = Set.of("name", "mode", "description");

    public static Policy read(Path file) throws PolicyException {
        try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(file, p.currentLocation(), null, "a policy is a mapping with 'rules' (and "
                        + "'pricePerSeriesMonth')");
            }
            Double price = null;
            List<Rule> rules = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentLocation();
                p.nextToken();
                switch (key) {
                    case "pricePerSeriesMonth" -> price = number(file, p, null, key);
                    case "rules" -> rules = rules(file, p);
                    default -> throw error(file, at, null, "unknown key '" + key + "' (the keys are rules, "
                            + "pricePerSeriesMonth)");
                }
            }
            if (rules == null) {
                throw error(file, p.currentLocation(), null, "no 'rules' list");
            }
            if (price != null && price < 0) {
                throw new PolicyException(file + ": pricePerSeriesMonth must not be negative");
            }
            for (Rule rule : rules) {
                if (rule.limit() == Limit.MAX_MONTHLY_COST && price == null) {
                    throw new PolicyException(file + ":" + rule.line() + ": rule '" + rule.name() + "': "
                            + "maxMonthlyCost needs pricePerSeriesMonth at the top of the file");
                }
            }
            return new Policy(file, price, List.copyOf(rules));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PolicyException(file + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read the policy: " + e.getMessage());
        }
    }

    private static List<Rule> rules(Path file, JsonParser p) throws IOException, PolicyException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(file, p.currentLocation(), null, "'rules' must be a list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int line = p.currentLocation().getLineNr();
            String name = null;
            Mode mode = null;
            Limit limit = null;
            double value = 0;
            List<String> services = List.of();
            List<String[]> pending = new ArrayList<>(); // problems found before the name was read
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation at = p.currentLocation();
                p.nextToken();
                if (key.equals("name")) {
                    name = text(file, p, null, key);
                } else if (key.equals("mode")) {
                    String m = text(file, p, name, key);
                    try {
                        mode = Mode.valueOf(m.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        pending.add(new String[] {String.valueOf(at.getLineNr()), "mode must be block, warn or "
                                + "audit, got '" + m + "'"});
                    }
                } else if (key.equals("description")) {
                    text(file, p, name, key);
                } else if (Limit.of(key) != null) {
                    if (limit != null) {
                        pending.add(new String[] {String.valueOf(at.getLineNr()), "one limit per rule, got "
                                + limit.key + " and " + key});
                    }
                    limit = Limit.of(key);
                    if (limit.takesList()) {
                        services = strings(file, p, name, key);
                    } else {
                        value = number(file, p, name, key);
                        if (value < 0 || (limit == Limit.MAX_TRAFFIC_SHARE && value > 1)) {
                            pending.add(new String[] {String.valueOf(at.getLineNr()), key + " must be "
                                    + (limit == Limit.MAX_TRAFFIC_SHARE ? "between 0 and 1" : "0 or more")
                                    + ", got " + value});
                        }
                    }
                } else {
                    pending.add(new String[] {String.valueOf(at.getLineNr()), "unknown key '" + key + "' (a rule "
                            + "has name, mode, description and one of " + java.util.Arrays.stream(Limit.values())
                            .map(Limit::key).toList() + ")"});
                    p.skipChildren();
                }
            }
            String label = name == null ? "(unnamed, line " + line + ")" : name;
            if (!pending.isEmpty()) {
                String[] first = pending.get(0);
                throw new PolicyException(file + ":" + first[0] + ": rule '" + label + "': " + first[1]);
            }
            if (name == null || name.isBlank()) {
                throw new PolicyException(file + ":" + line + ": a rule needs a name");
            }
            if (!names.add(name)) {
                throw new PolicyException(file + ":" + line + ": rule '" + name + "': a second rule of that name");
            }
            if (mode == null) {
                throw new PolicyException(file + ":" + line + ": rule '" + name + "': mode (block, warn or audit) "
                        + "is required");
            }
            if (limit == null) {
                throw new PolicyException(file + ":" + line + ": rule '" + name + "': no limit; one of "
                        + java.util.Arrays.stream(Limit.values()).map(Limit::key).toList());
            }
            rules.add(new Rule(name, mode, limit, value, services, line));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw error(file, p.currentLocation(), null, "each rule must be a mapping");
        }
        return rules;
    }

    private static double number(Path file, JsonParser p, String rule, String key) throws IOException,
            PolicyException {
        if (!p.currentToken().isNumeric()) {
            throw error(file, p.currentLocation(), rule, key + " must be a number, got '" + p.getText() + "'");
        }
        return p.getDoubleValue();
    }

    private static String text(Path file, JsonParser p, String rule, String key) throws IOException, PolicyException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw error(file, p.currentLocation(), rule, key + " must be text");
        }
        return p.getText();
    }

    private static List<String> strings(Path file, JsonParser p, String rule, String key) throws IOException,
            PolicyException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(file, p.currentLocation(), rule, key + " must be a list of service names");
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(text(file, p, rule, key));
        }
        return List.copyOf(out);
    }

    private static PolicyException error(Path file, JsonLocation at, String rule, String message) {
        return new PolicyException(file + ":" + (at == null ? "?" : at.getLineNr())
                + (rule == null ? "" : ": rule '" + rule + "'") + ": " + message);
    }
}
