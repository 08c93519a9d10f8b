package dev.sloscout.engine.capsule;

import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Recognises the timestamps real log lines start with, without a configured format: ISO 8601 and its log4j/Python
 * variants, its basic format ({@code 20261206T234826.745588}: hitch's), syslog ({@code Jun 14 15:16:01}), ctime
 * ({@code Sun Dec 04 04:47:44 2005}), common log format, compact Hadoop/HDFS ({@code 081109 203615}), Spark
 * ({@code 17/06/09 20:10:40}), Android ({@code 03-17 16:13:38.811}), slashed dates month first ({@code 11/25/2026}) or
 * day first ({@code 25/11/2026}, and every such date in a log whose own dates say so: {@link #writesDayFirst}), Java's
 * short US date, its year in two digits and a comma after it ({@code 12/5/26, 16:40:00:123 UTC}: WebSphere Liberty), a
 * time of day on a twelve-hour clock ({@code 11:10:13 PM}), {@code yyyyMMdd-HH:mm:ss:SSS}, Zabbix's
 * {@code 20261204:100145.155}, Apache Traffic Server's error log's {@code 20261204.20h00m11s}, LXC's
 * {@code 20261204202626.338}, Erlang/OTP's {@code 3-Dec-2026::15:06:08.309562}, Perl's Net::Server
 * ({@code 2026/12/05-10:25:43}: munin-node's), BGL's dotted forms, stunnel's dotted date ({@code 2026.12.04 12:49:38}),
 * snapcast's dashes in the time of day ({@code 2026-12-06 16-42-42.894}), a month's name and a day or a day and a
 * month's name with a time to the minute ({@code Dec 06 11:06}: MPD's; {@code 06-Dec 11:12}: Bacula's), epoch seconds
 * and OpenLDAP's epoch in hexadecimal ({@code 6b128ca1.0d04dba7}: seconds, a dot, nanoseconds).
 *
 * <p>Each form is a small pattern matched by hand (no regex): {@code Y} 4-digit year, {@code y} 2-digit year, {@code M}
 * month (1-2 digits), {@code N} month name, {@code W} weekday name, {@code D} day (1-2 digits, may be space-padded),
 * {@code h m s} time fields (the hour may be space-padded too), {@code f} an optional fraction after {@code . , :},
 * {@code Z} an optional zone, {@code z} an optional zone before more of the time, any abbreviation's ({@code UTC},
 * {@code CST}, Java's {@code Date.toString()} and {@code date}'s {@code Sat Dec  5 21:44:46 UTC 2026}), {@code E}
 * epoch seconds or milliseconds, {@code T} a {@code T} or one space, {@code _} one or more spaces, {@code P} an optional
 * {@code AM}/{@code PM}, {@code p} a required one (Go's {@code time.Kitchen}, {@code 3:04PM}), {@code ~} the letter of
 * the time field before it ({@code h}, {@code m} or {@code s}: {@code 20h00m11s}); anything else is itself.
 */
final class Timestamps {
    private static final String[] FORMS = {
        "Y-M-DTh:m:sfZ", "Y/M/DTh:m:sfZ", "Y/M/D-h:m:sf", "Y-M-D-h.m.sf", "Y-M-D_h-m-sf", "W_N_D_h:m:sfz_Y",
        "W_N_D_Y_h:m:sfZ",
        "W,_D_N_Y_h:m:sfZ",
        "N_D_h:m:sf_Y",
        "N_D,_Y_h:m:sfP", "N_D_h:m:sf", "D/N/Y:h:m:sfZ", "D/N/Y_h:m:sf", "D-N-Y_h:m:sf", "D-N-Y::h:m:sf",
        "N_D_h:m", "D-N_h:m", "D_N_Y_h:m:sf", "D_N_h:m:sf", "YMD-h:m:sf", "YMDTh:m:sf", "YMDThmsfZ", "YMD:hmsf",
        "yMD_hms", "yMD_h:m:sf",
        "y/M/D_h:m:sf",
        "M/D/Y_h:m:sfP", "M/D/Y,_h:m:sfP", "M/D/y,_h:m:sfPZ", "D/M/Y_h:m:sf", "M-D_h:m:sf", "M-D|h:m:sf",
        "M.D_h:m:sf", "Y.M.D_h:m:sf",
        "Y.M.D", "Y-M-D", "h:m:sfPZ", "YMD.h~m~s~", "YMDhmsf", "h:mp", "E",
    };
    private static final long DAY_MILLIS = 86_400_000L;
    /**
     * The halves of the day as a time's {@code P} reads them, before noon and after: English's, and as a JVM in
     * another language writes them in upper case ({@code %Tp}, java.util.logging's SimpleFormatter): Spanish's,
     * Dutch's, Norwegian's and Romanian's dotted letters, Swedish's, Czech's, Finnish's, Hungarian's, Turkish's,
     * Ukrainian's, Japanese's, Chinese's and Korean's; each after one space ({@link #isSpaceInTime}).
     */
    private static final String[][] MERIDIEMS = {{"AM", "PM"}, {"A. M.", "P. M."}, {"A.M.", "P.M."}, {"a. m.", "p. m."},
        {"a.m.", "p.m."}, {"FM", "EM"}, {"DOP.", "ODP."}, {"AP.", "IP."}, {"DE.", "DU."}, {"ÖÖ", "ÖS"}, {"ДП", "ПП"},
        {"午前", "午後"}, {"上午", "下午"}, {"오전", "오후"}};
    /** Letters of a zone's abbreviation at most ({@code z}: {@code AEDT}, {@code CHAST}). */
    private static final int MAX_ZONE_LETTERS = 5;
    /** A zone's abbreviation that names one zone, and its offset from UTC. */
    private record NamedZone(String name, int minutes) {
    }

    private static final NamedZone[] NAMED_ZONES = {
        new NamedZone("WET", 0), new NamedZone("WEST", 60), new NamedZone("CET", 60), new NamedZone("CEST", 120),
        new NamedZone("EET", 120), new NamedZone("EEST", 180), new NamedZone("MSK", 180), new NamedZone("HKT", 480),
        new NamedZone("SGT", 480), new NamedZone("AWST", 480), new NamedZone("JST", 540), new NamedZone("KST", 540),
        new NamedZone("ACST", 570), new NamedZone("AEST", 600), new NamedZone("AEDT", 660), new NamedZone("NZST", 720),
        new NamedZone("NZDT", 780), new NamedZone("HST", -600), new NamedZone("AKST", -540),
        new NamedZone("AKDT", -480), new NamedZone("PST", -480), new NamedZone("PDT", -420), new NamedZone("MST", -420),
        new NamedZone("MDT", -360), new NamedZone("CDT", -300), new NamedZone("EST", -300), new NamedZone("EDT", -240),
    };
    /** OpenLDAP's hexadecimal epoch, {@code 6b128ca1.0d04dba7}: eight hexadecimal digits, a dot and eight more. */
    private static final int HEX_EPOCH_LENGTH = 17;
    /**
     * The seconds an epoch's count is read as a time from, 2000-01-01, and before, 2055-01-01: a plain number outside
     * is no time (FRR's error codes, {@code [EC 4043309121]}, and hash keys of ten digits too).
     */
    private static final long FIRST_EPOCH_SECOND = 946_684_800L;
    private static final long END_EPOCH_SECOND = 2_682_374_400L;
    /** Whether each form starts with a name (a weekday or a month) rather than digits. */
    private static final boolean[] NAME_LED = new boolean[FORMS.length];
    /** Whether each form writes the month before the day between slashes ({@code 11/25/2026}). */
    private static final boolean[] MONTH_FIRST = new boolean[FORMS.length];
    /** Per form, the bit {@code d} set when it can start with a run of {@code d} digits. */
    private static final long[] LEADING_DIGITS = new long[FORMS.length];
    /**
     * Per digit-led form, the step that must take the character after its leading run of digits ({@code -} in
     * {@code Y-M-D}, {@code T} in {@code YMDTh}), or 0 when none is known (a name-led form, the epoch).
     */
    private static final char[] AFTER_DIGITS = new char[FORMS.length];

    static {
        for (int k = 0; k < FORMS.length; k++) {
            NAME_LED[k] = FORMS[k].charAt(0) == 'W' || FORMS[k].charAt(0) == 'N';
            MONTH_FIRST[k] = monthFirst(FORMS[k]);
            LEADING_DIGITS[k] = leadingDigits(FORMS[k]);
            AFTER_DIGITS[k] = afterDigits(FORMS[k]);
        }
    }

    /**
     * Forms share their first steps ({@code N_D_h:m:sf_Y}, {@code N_D,_Y...} and {@code N_D_h:m:sf} all begin with
     * a month and a day), and the steps read the same whatever form they are part of. So a form resumes from the state
     * an earlier form, its parent, had after the steps they share, and is not tried at all when the parent failed
     * within them. A parent is a form that starts afresh, so it takes every step it shares. Per form: its parent
     * (-1 for none: it starts afresh), how many steps they share, the step counts after which it hands a copy of its
     * state on (bits), and the forms it is the parent of.
     */
    private static final int[] PARENT = new int[FORMS.length];
    private static final int[] SHARED = new int[FORMS.length];
    private static final long[] HANDS_ON = new long[FORMS.length];
    private static final int[][] CHILDREN = new int[FORMS.length][];

    static {
        List<List<Integer>> children = new ArrayList<>();
        for (int k = 0; k < FORMS.length; k++) {
            children.add(new ArrayList<>());
            int parent = -1;
            int shared = 0;
            // an earlier form tried whenever this one is (the same leading rule) that starts afresh, so it takes
            // every step it shares
            for (int j = 0; j < k; j++) {
                int common = commonSteps(FORMS[j], FORMS[k]);
                if (PARENT[j] < 0 && NAME_LED[j] == NAME_LED[k] && LEADING_DIGITS[j] == LEADING_DIGITS[k]
                        && AFTER_DIGITS[j] == AFTER_DIGITS[k] && common > shared) {
                    parent = j;
                    shared = common;
                }
            }
            PARENT[k] = parent;
            SHARED[k] = parent < 0 ? 0 : shared;
            if (parent >= 0) {
                HANDS_ON[parent] |= 1L << shared;
                children.get(parent).add(k);
            }
        }
        for (int k = 0; k < FORMS.length; k++) {
            CHILDREN[k] = children.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int commonSteps(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    /**
     * The months' and weekdays' first three letters, capitalised ({@code Jan}, {@code Mon}), as bits of a set indexed
     * by the three letters ({@link #nameIndex}), so a capitalised word is told from them with one look-up.
     */
    private static final long[] CAPITALISED_NAMES = new long[(26 * 26 * 26 + 63) / 64];

    static {
        Stream.of(MONTHS, WEEKDAYS).flatMap(Arrays::stream).forEach(name -> {
            int index = nameIndex(Character.toUpperCase(name.charAt(0)), name.charAt(1), name.charAt(2));
            CAPITALISED_NAMES[index >>> 6] |= 1L << index;
        });
    }

    /** The place of a capital and two lower-case ASCII letters in {@link #CAPITALISED_NAMES}, or -1 for others. */
    private static int nameIndex(char first, char second, char third) {
        if (first < 'A' || first > 'Z' || second < 'a' || second > 'z' || third < 'a' || third > 'z') {
            return -1;
        }
        return ((first - 'A') * 26 + second - 'a') * 26 + third - 'a';
    }

    /** Where a timestamp ends and what instant it names ({@link Long#MIN_VALUE} when it cannot be placed). */
    record Match(int end, long epochMillis) {
    }

    /** A date and its midnight (UTC), the last one placed: a log's lines mostly fall on the day of the line before. */
    private record Day(int year, int month, int day, long midnightMillis) {
    }

    private final int defaultYear;
    /**
     * Whether a date of two numbers and a year between slashes writes the day first ({@code 03/11/2026} is the 3rd of
     * November): a log's own dates say so ({@link #writesDayFirst}); else the month comes first, as in the US, unless
     * the first number cannot be a month.
     */
    private final boolean dayFirst;
    /**
     * The last day placed. Threads that share these timestamps may each replace it; a {@link Day} is immutable, so
     * whichever they read is whole and right for its date.
     */
    private Day lastDay;

    Timestamps(int defaultYear) {
        this(defaultYear, false);
    }

    Timestamps(int defaultYear, boolean dayFirst) {
        this.defaultYear = defaultYear;
        this.dayFirst = dayFirst;
    }

    /** Whether {@code form} writes the month before the day between slashes ({@link #MONTH_FIRST}). */
    private static boolean monthFirst(String form) {
        return form.startsWith("M/D/");
    }

    /** How far into a line {@link #writesDayFirst} looks for a date between slashes. */
    private static final int SLASHED_DATE_REACH = 48;

    /**
     * Whether the dates between slashes that open lines of {@code sample} ({@code 25/11/2026 10:00:00}, after a
     * bracket or not) write the day first: some have a first number above 12 and none a second one; or, every one
     * of them readable either way, their first numbers take more values than their second ones (a log of days
     * {@code 04/12}, {@code 05/12}, {@code 06/12}: one month's days, not three months' twelfth). A log of one such day
     * says nothing: its month comes first.
     */
    static boolean writesDayFirst(List<String> sample) {
        boolean firstAbove12 = false;
        long firsts = 0; // a bit per value seen
        long seconds = 0;
        for (String line : sample) {
            int reach = Math.min(line.length() - 6, SLASHED_DATE_REACH);
            for (int i = 0; i < reach; i++) {
                if (isDigit(line.charAt(i)) && (i == 0 || !isDigit(line.charAt(i - 1)))) {
                    int slash = i + digitRun(line, i, line.length());
                    int second = slash - i <= 2 && slash + 1 < line.length() && line.charAt(slash) == '/'
                            ? digitRun(line, slash + 1, line.length()) : 0;
                    int year = slash + 1 + second;
                    if (second >= 1 && second <= 2 && year + 4 < line.length() && line.charAt(year) == '/'
                            && digitRun(line, year + 1, line.length()) == 4) {
                        int a = Integer.parseInt(line, i, slash, 10);
                        int b = Integer.parseInt(line, slash + 1, year, 10);
                        if (b > 12) {
                            return false; // a month first: 11/25/2026
                        }
                        firstAbove12 |= a > 12;
                        firsts |= 1L << Math.min(a, 63);
                        seconds |= 1L << b;
                        break;
                    }
                    i = slash;
                }
            }
        }
        return firstAbove12 || Long.bitCount(firsts) > Long.bitCount(seconds);
    }

    /**
     * A cheap test before {@link #match}: a timestamp starts with a digit followed by more digits and a date or time
     * separator soon after, or with a month or weekday name.
     */
    static boolean mayStartAt(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
            int k = i + 1;
            while (k < s.length() && k - i < 14 && isDigit(s.charAt(k))) {
                k++;
            }
            if (k - i >= 6) {
                return true; // compact dates (081109 203615, 20171223-...) and epoch seconds
            }
            if (k + 1 >= s.length()) {
                return false;
            }
            char d = s.charAt(k);
            if (d >= 'a' && d <= 'f') {
                return isHexEpochAt(s, i); // OpenLDAP's 6b128ca1.0d04dba7
            }
            char after = s.charAt(k + 1);
            return (d == '-' || d == ':' || d == '/' || d == '.') && isDigit(after)
                    || (d == '-' || d == '/' || d == ' ') && k - i <= 2 && Character.isUpperCase(after); // 01-Mar, 1 Mar
        }
        if (i + 3 > s.length() || c < 'A' || c > 'Z') {
            return false; // every name starts with an ASCII capital
        }
        int index = nameIndex(c, s.charAt(i + 1), s.charAt(i + 2));
        return index >= 0 && (CAPITALISED_NAMES[index >>> 6] & 1L << index) != 0;
    }

    /** {@link Character#isDigit(char)}, with ASCII decided without its table. */
    private static boolean isDigit(char c) {
        return c <= '9' ? c >= '0' : c >= 0x80 && Character.isDigit(c);
    }

    /** The longest-listed form that matches at {@code from} and ends at a word boundary, or null. */
    Match match(CharSequence s, int from, int limit) {
        if (from >= limit || !mayStartAt(s, from)) {
            return null;
        }
        boolean letter = Character.isLetter(s.charAt(from));
        int digits = digitRun(s, from, limit);
        char afterDigits = from + digits < limit ? s.charAt(from + digits) : '\0';
        if (afterDigits >= 'a' && afterDigits <= 'f' || digits == 8 && afterDigits == '.') {
            Match hex = hexEpoch(s, from, limit); // a hexadecimal epoch's seconds: digits, then a letter or its dot
            if (hex != null) {
                return hex;
            }
        }
        Attempt[] resumeFrom = null; // per form: the state its parent had after the steps they share
        for (int k = 0; k < FORMS.length; k++) {
            if (NAME_LED[k] != letter || !letter && (digits >= Long.SIZE || (LEADING_DIGITS[k] >>> digits & 1) == 0
                    || AFTER_DIGITS[k] != 0 && !takes(AFTER_DIGITS[k], afterDigits)) || dayFirst && MONTH_FIRST[k]) {
                continue; // the form cannot start with what is there: a name, or this many digits and what follows
            }
            Attempt attempt;
            if (PARENT[k] < 0) {
                attempt = new Attempt(s, from, limit);
            } else if (resumeFrom != null && resumeFrom[k] != null) {
                attempt = resumeFrom[k];
            } else {
                continue; // its parent failed within the steps they share, so it fails there too
            }
            if (HANDS_ON[k] != 0 && resumeFrom == null) {
                resumeFrom = new Attempt[FORMS.length];
            }
            Match m = attempt.run(k, resumeFrom);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * OpenLDAP's time (2.5 on, before each line it logs itself): the epoch's seconds and the nanoseconds in the second,
     * each as eight lower-case hexadecimal digits, ending at a word boundary. Null when there is none at {@code from}.
     * The seconds of 2000 to 2055 ({@code 386d4380} to {@code 9fffffff}) open with a decimal digit, as {@link
     * #mayStartAt} and {@link #match} ask.
     */
    private static Match hexEpoch(CharSequence s, int from, int limit) {
        int end = from + HEX_EPOCH_LENGTH;
        if (end > limit || end < limit && Character.isLetterOrDigit(s.charAt(end)) || s.charAt(from + 8) != '.') {
            return null;
        }
        long millis = hexEpochMillis(s, from);
        return millis == Long.MIN_VALUE ? null : new Match(end, millis);
    }

    /** Whether a hexadecimal epoch ({@link #hexEpoch}) starts at {@code from}, whatever follows it. */
    private static boolean isHexEpochAt(CharSequence s, int from) {
        return from + HEX_EPOCH_LENGTH <= s.length() && s.charAt(from + 8) == '.'
                && hexEpochMillis(s, from) != Long.MIN_VALUE;
    }

    /**
     * The instant of the hexadecimal epoch at {@code from} (its dot checked by the caller), or {@link Long#MIN_VALUE}
     * when a digit is not one, the seconds fall outside 2000 to 2055 (as a decimal epoch's must not) or the
     * nanoseconds make a second or more.
     */
    private static long hexEpochMillis(CharSequence s, int from) {
        long seconds = hexValue(s, from);
        long nanos = hexValue(s, from + 9);
        if (!isEpochSecond(seconds) || nanos < 0 || nanos > 999_999_999L) {
            return Long.MIN_VALUE;
        }
        return seconds * 1000 + nanos / 1_000_000;
    }

    /** Whether an epoch's count of {@code seconds} is read as a time ({@link #FIRST_EPOCH_SECOND}). */
    private static boolean isEpochSecond(long seconds) {
        return seconds >= FIRST_EPOCH_SECOND && seconds < END_EPOCH_SECOND;
    }

    /** The value of eight lower-case hexadecimal digits at {@code from}, or -1 when one is not such a digit. */
    private static long hexValue(CharSequence s, int from) {
        long value = 0;
        for (int k = from; k < from + 8; k++) {
            char c = s.charAt(k);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * A space as a locale's time writes it: a plain one, or the no-break spaces of CLDR's patterns (Spanish's {@code
     * A.\u00a0M.}; JDK 20 and later put a narrow one between an English time and its {@code AM}).
     */
    static boolean isSpaceInTime(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f';
    }

    /** How many digits run from {@code from}, up to {@code limit}. */
    static int digitRun(CharSequence s, int from, int limit) {
        int digits = 0;
        while (from + digits < limit && isDigit(s.charAt(from + digits))) {
            digits++;
        }
        return digits;
    }

    /** The forms, in the order they are tried (a copy). */
    static String[] forms() {
        return FORMS.clone();
    }

    /**
     * What {@link #match} finds, reading every form afresh: the reference its shared steps and its tests on the
     * leading digits must agree with. It skips only what the forms' rule skips: a compact date is six or eight digits
     * ({@code 20171223-...}, not {@code 2017123-...}; fourteen with its time), an epoch ten or thirteen.
     */
    Match matchEachFormAfresh(CharSequence s, int from, int limit) {
        if (from >= limit || !mayStartAt(s, from)) {
            return null;
        }
        Match hex = hexEpoch(s, from, limit);
        if (hex != null) {
            return hex;
        }
        int digits = digitRun(s, from, limit);
        for (String form : FORMS) {
            if (Character.isDigit(s.charAt(from)) && !compactRule(form, digits) || dayFirst && monthFirst(form)) {
                continue;
            }
            Match m = new Attempt(s, from, limit).run(form);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** A time of day ({@code 15:04:05.123}) at {@code from}: its end and the milliseconds since midnight, or null. */
    Match timeOfDay(CharSequence s, int from, int limit) {
        Attempt a = new Attempt(s, from, limit);
        if (a.run("h:m:sf") == null) {
            return null;
        }
        return new Match(a.pos, ((a.hour * 60L + a.minute) * 60 + Math.min(a.second, 59)) * 1000 + a.nanos / 1_000_000);
    }

    /** The instant of a month, day and time of day in the default year (glog writes no year). */
    long onDay(int month, int day, long millisOfDay) {
        long midnight = epochMillis(defaultYear, month, day, 0, 0, 0, 0, 0);
        return midnight == Long.MIN_VALUE ? Long.MIN_VALUE : midnight + millisOfDay;
    }

    /**
     * The forms' rule on a run of leading digits: a compact date is six or eight of them (fourteen with the time of
     * day glued on), an epoch ten or thirteen.
     */
    private static boolean compactRule(String form, int digits) {
        if (form.startsWith("YMDh")) {
            return digits == 14;
        }
        if (form.startsWith("yMD")) {
            return digits == 6;
        }
        if (form.startsWith("YMD")) {
            return digits == 8;
        }
        return !form.equals("E") || digits == 10 || digits == 13;
    }

    /**
     * Whether a digit-led form can begin with a run of {@code digits} digits: the rule above, and otherwise the first
     * field takes the whole run (a field takes at most its width, and the step after it reads no digit).
     */
    private static boolean fits(String form, int digits) {
        if (!compactRule(form, digits)) {
            return false;
        }
        return switch (form.charAt(0)) {
            case 'Y' -> form.startsWith("YMD") || digits == 4;
            case 'y' -> form.startsWith("yMD") || digits == 2;
            case 'M', 'D', 'h' -> digits == 1 || digits == 2;
            case 'E' -> true;
            default -> false;
        };
    }

    /** The step after a digit-led form's leading fields when it reads one character ({@link #takes}), else 0. */
    private static char afterDigits(String form) {
        int lead = form.startsWith("yMD") || form.startsWith("YMD") ? 3 : 1;
        if (form.charAt(0) == 'W' || form.charAt(0) == 'N' || form.length() <= lead) {
            return 0;
        }
        char step = form.charAt(lead);
        return step == '_' || step == 'T' || !Character.isLetter(step) ? step : 0;
    }

    /** Whether a one-character step ({@code _}, {@code T} or a literal) takes {@code c} (first, for {@code _}). */
    private static boolean takes(char step, char c) {
        return switch (step) {
            case '_' -> c == ' ';
            case 'T' -> c == 'T' || c == ' ';
            default -> c == step;
        };
    }

    /** The runs of leading digits each form can begin with, as bits ({@link #fits}, asked once per form, not per match). */
    private static long leadingDigits(String form) {
        long bits = 0;
        for (int digits = 0; digits < Long.SIZE; digits++) {
            bits |= fits(form, digits) ? 1L << digits : 0;
        }
        return bits;
    }

    private final class Attempt {
        private final CharSequence s;
        private final int limit;
        private int pos;
        private int year = -1;
        private int month = 1;
        private int day = 1;
        private int hour;
        private int minute;
        private int second;
        private int nanos;
        private int offsetSeconds;
        private long epochMillis = Long.MIN_VALUE;
        private boolean dated;
        /** The step of the last time field read ({@code h}, {@code m}, {@code s}), for {@code ~}. */
        private char unit;

        Attempt(CharSequence s, int from, int limit) {
            this.s = s;
            this.pos = from;
            this.limit = limit;
        }

        /** A copy of {@code other}: its place and every field read so far. */
        Attempt(Attempt other) {
            this(other.s, other.pos, other.limit);
            year = other.year;
            month = other.month;
            day = other.day;
            hour = other.hour;
            minute = other.minute;
            second = other.second;
            nanos = other.nanos;
            offsetSeconds = other.offsetSeconds;
            epochMillis = other.epochMillis;
            dated = other.dated;
            unit = other.unit;
        }

        Match run(String form) {
            for (int i = 0; i < form.length(); i++) {
                if (!step(form.charAt(i))) {
                    return null;
                }
            }
            return end();
        }

        /**
         * Form {@code k} from the step its parent handed it on at (the first, without one), handing copies of this
         * attempt on to {@code resumeFrom} for the forms that share its steps, as it passes where they part.
         */
        Match run(int k, Attempt[] resumeFrom) {
            String form = FORMS[k];
            for (int i = PARENT[k] < 0 ? 0 : SHARED[k]; ; i++) {
                if ((HANDS_ON[k] >>> i & 1) != 0) {
                    for (int child : CHILDREN[k]) {
                        if (SHARED[child] == i) {
                            resumeFrom[child] = new Attempt(this);
                        }
                    }
                }
                if (i == form.length()) {
                    return end();
                }
                if (!step(form.charAt(i))) {
                    return null;
                }
            }
        }

        /** The match once every step of a form is taken: where it ends, if at a word boundary, and its instant. */
        private Match end() {
            if (pos < limit && Character.isLetterOrDigit(s.charAt(pos))) {
                return null;
            }
            return new Match(pos, epochMillis != Long.MIN_VALUE ? epochMillis : instant());
        }

        private boolean step(char p) {
            switch (p) {
                case 'Y': year = digits(4, 4); dated = true; return year >= 0;
                case 'y': year = digits(2, 2); dated = true; return year >= 0 && (year += 2000) > 0;
                case 'M': month = digits(1, 2); dated = true; return month >= 1 && month <= 12;
                case 'D':
                    if (pos < limit && s.charAt(pos) == ' ') {
                        pos++;
                    }
                    day = digits(1, 2);
                    return day >= 1 && day <= 31;
                case 'N': month = name(MONTHS) + 1; dated = true; return month > 0;
                case 'W': return name(WEEKDAYS) >= 0;
                case 'h':
                    if (pos + 2 < limit && s.charAt(pos) == ' '
                            && (s.charAt(pos + 2) == ':' || pos > 0 && s.charAt(pos - 1) == ' ')) {
                        pos++; // space-padded, as MariaDB writes it: "2024-03-01  8:31:00"; Icecast's two spaces
                    }
                    hour = digits(1, 2);
                    unit = p;
                    return hour >= 0 && hour < 24;
                case 'm': minute = digits(2, 2); unit = p; return minute >= 0 && minute < 60;
                case 's': second = digits(2, 2); unit = p; return second >= 0 && second <= 60;
                case 'f': fraction(); return true;
                case 'Z': zone(); return true;
                case 'z': zoneBeforeMore(); return true;
                case 'P': meridiem(); return true;
                case 'p': return requiredMeridiem();
                case 'E': return epoch();
                case '~':
                    if (pos < limit && s.charAt(pos) == unit) {
                        pos++;
                        return true;
                    }
                    return false;
                case '_':
                    int start = pos;
                    while (pos < limit && s.charAt(pos) == ' ') {
                        pos++;
                    }
                    return pos > start;
                default: // T, or a literal
                    if (pos < limit && takes(p, s.charAt(pos))) {
                        pos++;
                        return true;
                    }
                    return false;
            }
        }

        private int digits(int min, int max) {
            int value = 0;
            int n = 0;
            while (n < max && pos < limit) {
                char c = s.charAt(pos);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                pos++;
                n++;
            }
            return n >= min ? value : -1;
        }

        private int name(String[] names) {
            if (pos + 3 > limit) {
                return -1;
            }
            char first = lowerCase(s.charAt(pos));
            char second = lowerCase(s.charAt(pos + 1));
            char third = lowerCase(s.charAt(pos + 2));
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (name.charAt(0) == first && name.charAt(1) == second && name.charAt(2) == third) {
                    pos += 3;
                    while (pos < limit && Character.isLetter(s.charAt(pos))) {
                        pos++; // full names: "June", "Sunday"
                    }
                    return i;
                }
            }
            return -1;
        }

        /** {@link Character#toLowerCase(char)}, without its table look-up for ASCII. */
        private static char lowerCase(char c) {
            if (c < 0x80) {
                return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            }
            return Character.toLowerCase(c);
        }

        private void fraction() {
            if (pos + 1 < limit && (s.charAt(pos) == '.' || s.charAt(pos) == ',' || s.charAt(pos) == ':')
                    && Character.isDigit(s.charAt(pos + 1))) {
                pos++;
                int scale = 100_000_000;
                while (pos < limit && Character.isDigit(s.charAt(pos))) {
                    nanos += (s.charAt(pos) - '0') * scale;
                    scale /= 10;
                    pos++;
                }
            }
        }

        private void meridiem() {
            if (pos + 2 >= limit || !isSpaceInTime(s.charAt(pos))) {
                return;
            }
            for (String[] halves : MERIDIEMS) {
                for (int half = 0; half < 2; half++) {
                    int end = markerEnd(halves[half]);
                    if (end > 0) {
                        boolean pm = half == 1;
                        if (hour == 12) {
                            hour = pm ? 12 : 0;
                        } else if (pm) {
                            hour += 12;
                        }
                        pos = end;
                        return;
                    }
                }
            }
        }

        /**
         * Where {@code marker} ends when it is written after the space at {@code pos}, a word of its own; -1 if not so.
         * A space in the marker is any space CLDR writes in one ({@code A.\u00a0M.}).
         */
        private int markerEnd(String marker) {
            int at = pos + 1;
            int end = at + marker.length();
            if (end > limit) {
                return -1;
            }
            for (int k = 0; k < marker.length(); k++) {
                char c = s.charAt(at + k);
                if (c != marker.charAt(k) && !(marker.charAt(k) == ' ' && isSpaceInTime(c))) {
                    return -1;
                }
            }
            return end == limit || !Character.isLetterOrDigit(s.charAt(end)) ? end : -1;
        }

        /** {@code AM} or {@code PM}, glued to the time or after a space, as Go's {@code time.Kitchen} writes it. */
        private boolean requiredMeridiem() {
            if (pos < limit && s.charAt(pos) == ' ') {
                pos++;
            }
            if (pos + 1 >= limit || s.charAt(pos) != 'A' && s.charAt(pos) != 'P' || s.charAt(pos + 1) != 'M'
                    || hour < 1 || hour > 12) {
                return false;
            }
            hour = hour % 12 + (s.charAt(pos) == 'P' ? 12 : 0);
            pos += 2;
            return true;
        }

        private void zone() {
            int save = pos;
            if (pos + 3 < limit && s.charAt(pos) == ' ' && (startsWithWord("UTC") || startsWithWord("GMT"))) {
                pos += 4;
                offset(); // JavaScript's Date: "GMT+0100 (Central European Standard Time)"
                return;
            }
            if (pos + 3 < limit && s.charAt(pos) == ' ' && namedZone()) {
                return;
            }
            if (pos < limit && s.charAt(pos) == ' ' && pos + 1 < limit
                    && (s.charAt(pos + 1) == '+' || s.charAt(pos + 1) == '-')) {
                pos++;
            }
            if (pos < limit && s.charAt(pos) == 'Z') {
                pos++;
                return;
            }
            if (!offset()) {
                pos = save;
            }
        }

        /**
         * A zone between the time of day and the year ({@code Sat Dec  5 21:44:46 UTC 2026}, as Java's {@code
         * Date.toString()} and {@code date} write it): read as {@link #zone} reads one, or, an abbreviation it does not
         * know (one that names two zones, {@code CST}), passed over and the time read as UTC. The year must follow.
         */
        private void zoneBeforeMore() {
            int save = pos;
            zone();
            if (pos > save || pos >= limit || s.charAt(pos) != ' ') {
                return;
            }
            int end = pos + 1;
            while (end < limit && end - pos <= MAX_ZONE_LETTERS && s.charAt(end) >= 'A' && s.charAt(end) <= 'Z') {
                end++;
            }
            if (end - pos > 2 && end < limit && s.charAt(end) == ' ') {
                pos = end; // two letters or more, and a space after them
            }
        }

        /** Reads an offset from UTC, {@code +01:00} or {@code -0500}; false, taking nothing, when none is there. */
        private boolean offset() {
            int save = pos;
            if (pos < limit && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                int sign = s.charAt(pos) == '-' ? -1 : 1;
                pos++;
                int hours = digits(2, 2);
                if (pos < limit && s.charAt(pos) == ':') {
                    pos++;
                }
                int minutes = digits(2, 2);
                if (hours >= 0 && minutes >= 0 && hours <= 18) {
                    offsetSeconds = sign * (hours * 3600 + minutes * 60);
                    return true;
                }
            }
            pos = save;
            offsetSeconds = 0;
            return false;
        }

        /**
         * Reads a zone's abbreviation after a space ({@code CET}, {@code PDT}: Java's {@code z}, as WebSphere Liberty
         * writes the JVM's zone), its offset from {@link #NAMED_ZONES}; false, taking nothing, for any other word.
         * Abbreviations that name two zones ({@code CST}, {@code IST}, {@code BST}) are not read.
         */
        private boolean namedZone() {
            for (NamedZone zone : NAMED_ZONES) {
                if (startsWithWord(zone.name())) {
                    pos += 1 + zone.name().length();
                    offsetSeconds = zone.minutes() * 60;
                    return true;
                }
            }
            return false;
        }

        private boolean startsWithWord(String word) {
            int end = pos + 1 + word.length();
            if (end > limit) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (s.charAt(pos + 1 + k) != word.charAt(k)) {
                    return false;
                }
            }
            return end == limit || !Character.isLetterOrDigit(s.charAt(end));
        }

        private boolean epoch() {
            int start = pos;
            long value = 0;
            while (pos < limit && Character.isDigit(s.charAt(pos)) && pos - start < 13) {
                value = value * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            int n = pos - start;
            if (n == 10 && isEpochSecond(value)) {
                epochMillis = value * 1000;
                fraction();
                epochMillis += nanos / 1_000_000;
                return true;
            }
            if (n == 13 && isEpochSecond(value / 1000)) {
                epochMillis = value;
                return true;
            }
            return false;
        }

        private long instant() {
            if (!dated) { // a time of day alone: on the day that stands for an unknown one, placed later
                int s = Math.min(second, 59);
                // in UTC when it has a zone (bunyan's "04:50:36.398Z"), the day wrapping round
                long utc = Math.floorMod((hour * 3600L + minute * 60L + s - offsetSeconds) * 1000 + nanos / 1_000_000,
                        DAY_MILLIS);
                return hour < 0 || hour > 23 || minute < 0 || minute > 59 || s < 0 || nanos < 0 || nanos > 999_999_999
                        || Math.abs(offsetSeconds) > 18 * 3600 ? Long.MIN_VALUE : LogHeader.DATELESS_DAY + utc;
            }
            int y = year < 0 ? defaultYear : year;
            Day last = lastDay;
            if (last == null || last.day != day || last.month != month || last.year != y) {
                long midnight = epochMillis(y, month, day, 0, 0, 0, 0, 0);
                if (midnight == Long.MIN_VALUE) {
                    return Long.MIN_VALUE;
                }
                last = new Day(y, month, day, midnight);
                lastDay = last;
            }
            int s = Math.min(second, 59);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || s < 0 || nanos < 0 || nanos > 999_999_999
                    || Math.abs(offsetSeconds) > 18 * 3600) {
                return Long.MIN_VALUE; // as epochMillis refuses them
            }
            return last.midnightMillis + (hour * 3600L + minute * 60L + s - offsetSeconds) * 1000 + nanos / 1_000_000;
        }
    }

    /**
     * The instant of a local date and time at an offset, in milliseconds since the epoch, or {@link Long#MIN_VALUE}
     * where {@code LocalDateTime.of(...).toInstant(ZoneOffset.ofTotalSeconds(offset))} would refuse the fields (a day
     * past the month's end, an offset beyond 18 hours): the same value, computed without the objects (a timestamp is
     * read on most log lines, inside messages too).
     */
    static long epochMillis(int year, int month, int day, int hour, int minute, int second, int nanos, int offsetSeconds) {
        if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || nanos < 0 || nanos > 999_999_999 || Math.abs(offsetSeconds) > 18 * 3600
                || year < Year.MIN_VALUE || year > Year.MAX_VALUE) {
            return Long.MIN_VALUE;
        }
        // days from the civil date (the proleptic Gregorian calendar, as java.time counts), eras of 400 years
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int monthFromMarch = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * monthFromMarch + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        long epochDay = era * 146_097 + dayOfEra - 719_468;
        long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return epochSecond * 1000 + nanos / 1_000_000;
    }
}
