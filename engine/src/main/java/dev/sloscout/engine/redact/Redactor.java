package dev.sloscout.engine.redact;

import dev.sloscout.engine.model.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets and personal data from text before it is stored or leaves the machine, keeping what kind of thing
 * was there: secrets become {@code <SECRET:kind>} ({@code password}, {@code aws-key}, {@code private-key},
 * {@code password-hash}, {@code bytes}, {@code jwt}, {@code token}, {@code cookie}, {@code session}, {@code signature},
 * {@code github-token}, ...), personal data {@code <EMAIL>}, {@code <IP>}, {@code <CARD>} (Luhn-checked 13-19 digits
 * written as cards are, epoch stamps aside) and {@code <SSN>}. Every redaction is counted by source and kind
 * ({@link #redactions()}).
 *
 * <p>Three families of detectors: values named by a key-like word ({@code password=}, {@code "api_key": "..."}, {@code
 * --password X}, {@code mysql -pX}, "the password is X", a setting alone on its line ({@code requirepass X}), {@code
 * Cookie:} headers, credentials in URLs), where a weak key ({@code cache_key}, {@code token_type}) needs a
 * random-looking value and a strong one ({@code db_password}, {@code secret_key}) takes any value; secrets recognisable
 * by their shape (PEM private keys in one line or many, JWTs, cloud and forge token prefixes, a line that is nothing
 * but base64 key material); and personal data. Trace ids, UUIDs and hashes are hex and never random-looking base64, so
 * they stay.
 *
 * <p>Texts redacted are few and short (samples, templates, span names through a cache, problem messages): one pass
 * per rule, each rule skipped unless the text holds a word it needs ({@code @} for e-mails, {@code ://} for URLs).
 * Placeholders already in the text ({@code <NUM>}) stay. A template is redacted against some of its lines as well
 * ({@link #redactTemplate}): a word their redaction takes goes from the template too.
 * Thread-safe.
 */
public final class Redactor {
    /** The prefix of every secret placeholder: {@code <SECRET:kind>}. */
    public static final String SECRET = "<SECRET:";

    /**
     * One detector: where it matches, the group named {@code v} (or the whole match) is the secret, replaced by the
     * placeholder of the kind that {@code kind} derives from the match, when {@code accept} says the value is one.
     */
    private record Rule(Pattern pattern, Function<Matcher, String> kind, Predicate<String> accept,
            List<String> triggers, Predicate<String> worth, boolean named) {
        Rule(Pattern pattern, Function<Matcher, String> kind, Predicate<String> accept, List<String> triggers) {
            this(pattern, kind, accept, triggers, text -> true, pattern.pattern().contains("(?<v>"));
        }

        Rule(Pattern pattern, Function<Matcher, String> kind, Predicate<String> accept) {
            this(pattern, kind, accept, List.of());
        }

        static Rule of(String regex, String kind) {
            return new Rule(Pattern.compile(regex), m -> kind, v -> true);
        }

        /** The rule only runs on texts holding one of these (lower case): most texts hold none, and skip it. */
        Rule when(String... required) {
            return new Rule(pattern, kind, accept, List.of(required));
        }

        /**
         * The rule only runs on texts {@code worth} says may hold a match: a scan cheaper than the pattern's search,
         * for a rule no word announces.
         */
        Rule whenText(Predicate<String> worth) {
            return new Rule(pattern, kind, accept, triggers, worth, named);
        }

        boolean mayMatch(String text, String lowerCase) {
            if (!worth.test(text)) {
                return false;
            }
            if (triggers.isEmpty()) {
                return true;
            }
            for (String t : triggers) {
                if (lowerCase.contains(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Words that follow "password is" in messages about passwords, not in passwords. */
    private static final Set<String> PLAIN_WORDS = Set.of("incorrect", "invalid", "wrong", "required", "missing",
            "empty", "expired", "too", "not", "null", "none", "correct", "valid", "being", "now", "the", "a", "an",
            "set", "changed", "reset", "weak", "strong", "blank", "ok", "accepted", "rejected", "locked", "short",
            "long", "unchanged", "updated", "mandatory", "optional", "disabled", "enabled", "ignored", "absent",
            "present", "same", "different", "unknown", "undefined", "nil", "correctly", "stored", "hashed");

    /**
     * A column's type and its size in a table's definition, the definition's end after the last: {@code varchar(100)},
     * {@code NVARCHAR(max))}.
     */
    private static final Pattern COLUMN_TYPE = Pattern.compile(
            "(?i)[a-z]{2,20}+\\((?:\\d{1,5}(?:,\\d{1,3})?|max)\\)\\)?");

    /**
     * Words that follow a flag named in prose, not its value: Docker's "Using --password via the CLI is insecure",
     * "the --token option".
     */
    private static final Set<String> FLAG_PROSE = Set.of("via", "option", "flag", "argument", "parameter", "is",
            "was", "with", "for", "and", "or", "to", "from", "in", "on", "instead", "only", "will", "must", "can",
            "cannot", "should", "not", "the");

    /** Values that say whether a key has one, not what it is ({@link #isFlag}). */
    private static final Set<String> FLAG_WORDS = Set.of("yes", "no", "true", "false");

    /** What follows {@code Authorization:} before the secret. */
    private static final Set<String> AUTH_SCHEMES = Set.of("bearer", "basic", "token", "digest", "negotiate", "ntlm");

    /** Keys whose value is a secret whatever it looks like (compared without {@code _ - .} and case). */
    private static final List<String> STRONG_KEY_ENDINGS = List.of("password", "passwd", "passphrase", "pwd", "pass",
            "secret", "secretkey", "apikey", "accesskey", "privatekey", "signingkey", "encryptionkey", "masterkey",
            "credential", "credentials", "signature", "token", "securitytoken", "sessionid", "session", "sessid",
            "sid", "cookie", "authorization", "passcode", "pin", "psk", "pw");
    /** Words that make a key weak: its value is a secret when it looks random. */
    private static final List<String> WEAK_KEY_WORDS = List.of("token", "secret", "key", "auth", "session", "sig",
            "credential", "password", "cookie");

    /**
     * A value that names where the secret comes from, not the secret: a variable ({@code ${DB_PASSWORD}}, cut at its
     * brace by an unquoted value's end, or {@code $DB_PASSWORD} in capitals), a template's field ({@code {{
     * .Values.apiKey }}}) or Python's format field ({@code %(password)s}), as a configuration printed before it is
     * filled in shows it. A default after the name ({@code ${DB_PASSWORD:-x}}) may be the secret, and is no reference.
     * A prepared statement's parameter ({@code password=?}, PostgreSQL's {@code password=$2}, a named {@code
     * :password}) or a script's positional argument ({@code PASSWORD=$1}) is one too.
     */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{[A-Za-z_][\\w.-]*}?|\\$[A-Z_][A-Z0-9_]*|\\{\\{[^{}]*(?:}})?|%\\(\\w+\\)s|\\?|\\$\\d{1,4}"
                    + "|:[A-Za-z_]\\w{0,60}");

    /** The words a producer writes in place of a secret it hides ({@link #NO_SECRET}). */
    private static final String MASK_WORDS = "(?i:protected|filtered|redacted|masked|hidden|removed|omitted)";

    /**
     * A key's value saying there is none or that the producer hid it: a null ({@code password=null}, Python's {@code
     * None}, JavaScript's {@code undefined}, Go's and Ruby's {@code nil}) or a mask ({@code ******}, Spring Security's
     * {@code Credentials=[PROTECTED]}, Rails' {@code [FILTERED]}, {@code "[REDACTED]"}, Ansible's {@code
     * VALUE_SPECIFIED_IN_NO_LOG_PARAMETER}): the line says so, and keeps it. A mask's word is in capitals, alone or
     * among words joined by underscores, or in brackets; a password {@code hidden} is a password.
     */
    private static final Pattern NO_SECRET = Pattern.compile("(?i:null|nil|none|undefined)|\\{null}|\\*{3,}"
            + "|(?:[A-Z]+_)*(?:PROTECTED|FILTERED|REDACTED|MASKED|HIDDEN|REMOVED|OMITTED|NO_LOG)(?:_[A-Z]+)*"
            + "|\\[" + MASK_WORDS + "]|\\(" + MASK_WORDS + "\\)");

    /**
     * How a key naming a secret's file, folder or name ends: its value says where or which the secret is, not what it
     * is.
     */
    private static final List<String> NAMING_KEY_ENDINGS = List.of("file", "filename", "path", "dir", "directory",
            "name");

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    /** A CRAM-MD5 server's challenge, decoded: a message id in angle brackets (RFC 2195). */
    private static final Pattern CHALLENGE = Pattern.compile("<[^<>\\s@]+@[^<>\\s]+>");

    /**
     * A template's placeholder ({@code <IP>}, {@code <*>}), or a word or the part of one between its placeholders
     * ({@code :x} of {@code <IP>:x<*>}), group {@code w}.
     */
    private static final Pattern TEMPLATE_LITERAL = Pattern.compile("<[^<>\\s]*>|(?<w>(?:(?!<[^<>\\s]*>)\\S)+)");

    /** A path from the file system's root or a home ({@code /srv/app}, {@code ~/src}, {@code C:\\work}). */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?:~|[A-Za-z]:)?[/\\\\]\\S*");

    private static final String VALUE_END = "\\s,;&\"'}\\]";
    /**
     * A line break printed as an escape ({@code \\r\\n}, {@code \\n}), as Python's bytes and a JSON string show a
     * request's headers ({@code send: b'...\\r\\nX-Auth-Token: x\\r\\n...'}), or in brackets as Apache
     * HttpClient's wire log does ({@code >> "Cookie: x[\\r][\\n]"}): a header's name may follow it, and its value
     * ends before it.
     */
    private static final String ESCAPED_BREAK = "(?:\\\\[rn]|\\[\\\\[rn]])";

    /** A double quote escaped in a string: by backslashes ({@code \\"}), in hex ({@code \\x22}), as a code point. */
    private static final String ESCAPED_QUOTE = "(?:\\\\+\"|\\\\x22|\\\\u0022)";

    /**
     * A printed line break here, its first character looked at first, as most characters open none. No pattern
     * repeats an alternation: Java's regular expressions recurse once a repetition for one, and a long value would
     * overflow the stack (a 64 KiB line of a Kafka record).
     */
    private static final String BREAK_HERE = "(?=[\\\\\\[])" + ESCAPED_BREAK;

    /** Right after a printed line break: its last character looked at first, as most characters are none. */
    private static final String AFTER_BREAK = "(?<=[rn\\]])(?<=" + ESCAPED_BREAK + ")";

    /** Where a header's name may start: at a word's start or right after a printed line break. */
    private static final String HEADER_START = "(?:\\b|" + AFTER_BREAK + ")";

    /**
     * A key: a word of letters, digits, {@code _ . -}, e.g. {@code db_password}, {@code X-Amz-Signature}, maybe after
     * underscores ({@code _authToken} of an {@code .npmrc}).
     */
    private static final String KEY = "(?:(?<![<\\w.-])|" + AFTER_BREAK + ")"
            + "(?<k>_{0,2}[A-Za-z][A-Za-z0-9_.-]{0,60})";

    /**
     * What sets a key's value: {@code =}, {@code :}, {@code =>} (Perl's, PHP's, Ruby's) or {@code :=} and {@code ::=}
     * (Go's, make's, ASN.1's), blanks around it; taken whole, never a part of it ({@code :} of {@code :=}).
     */
    private static final String ASSIGN = "(?>\\s*(?:=>|::?=|[=:])\\s*)";

    /**
     * A setting's name as a field or an option gives it, its path aside ({@code /app/db/password}): the key the
     * value's field ({@link #keyedKind}) is judged by.
     */
    private static final String SETTING_NAME = "(?:[\\w.-]*/)*(?<k>[A-Za-z][\\w.-]{0,60})";

    /** What parts a command's words as a shell's trace or a program's argument list prints them, quotes and all. */
    private static final String ARGUMENT_GAP = "['\"]?(?:\\s+|=|,\\s*)['\"]?";

    /** A hex dump's group of one or two bytes ({@code 4f}, {@code 4F4D}), not part of a longer word. */
    private static final String HEX_GROUP = "[0-9A-Fa-f]{2}(?:[0-9A-Fa-f]{2})?(?![0-9A-Za-z])";

    /** An XML name's namespace prefix ({@code wsse:}), or none. */
    private static final String XML_PREFIX = "(?:[A-Za-z][\\w.-]*:)?";

    /**
     * An XML element's text, maybe in a CDATA section: a value that is not a child element; a pretty-printed element
     * may hold it on a line of its own (tshark's {@code -V} tree of a SOAP response).
     */
    private static final String XML_TEXT = "\\s*(?:<!\\[CDATA\\[)?(?<v>(?![<\\s])[^<\\n]+?)(?:]]>)?\\s*";

    /**
     * A round bracket closing a list of pairs: the text's end, a blank or another delimiter after it, and no opening
     * one before it in the value ({@code f(x)} is a value's).
     */
    private static final String CLOSING_BRACKET = "(?=\\))(?<!\\([^" + VALUE_END + "()]{0,60})\\)(?:[\\s,;\\]})]|$)";

    /**
     * A program's message where a key's value would stand, as a tool named like a key prints it after its name and a
     * colon ({@code passwd: password updated successfully}, a shell's {@code htpasswd: command not found}, {@code
     * kubectl-secret: Permission denied}), or Bean Validation's after a property's path ({@code reset.token: size must
     * be between 16 and 64}, {@code create.password: must not be blank} of a ConstraintViolationException): one of the
     * words such messages open with, then another word.
     */
    private static final String PROGRAM_MESSAGE = "(?i:command|not|no|permission|error|warning|cannot"
            + "|unable|failed|failure|unknown|invalid|unrecognized|illegal|missing|usage|fatal|password|authentication"
            + "|must|size|length)"
            + "[ \\t]+[A-Za-z]";

    /** A list's opening bracket before its first value, or none ({@code 'password': ['x']}). */
    private static final String LIST_OPEN = "(?:\\[\\s*)?";

    /** A Python literal's prefix before its quote: bytes, raw, unicode ({@code b'...'}, {@code rb"..."}). */
    private static final String STRING_PREFIX = "(?:(?<!\\w)[bBrRuU]{1,2})?";

    /** A password scheme's name and its parenthesis, as Dovecot writes a comparison ({@code PLAIN(}). */
    private static final String PASSWORD_SCHEME = "\\b[A-Z][A-Z0-9-]{1,30}\\(";

    /**
     * An IMAP client's tag (a digit in it, or capitals alone: {@code A001}, {@code 1}, {@code AAAA}; prose's "during
     * LOGIN" has none), its LOGIN command and the user, before the password ({@link #imapLogin}).
     */
    private static final String IMAP_LOGIN = "(?<![\\w.-])(?=[A-Za-z0-9.]{1,20} )(?:[A-Za-z.]*\\d[A-Za-z0-9.]*|[A-Z]+)"
            + " LOGIN (?<u>\"[^\"\\\\\n]*+(?:\\\\.[^\"\\\\\n]*+)*+\"|[^\\s\"'(){]+) ";

    /**
     * The end of a command a client sent, as its transcript prints it: the line's end, after a printed {@code \\r\\n}
     * and a closing quote ({@code b'A1 LOGIN bob pw'}); prose goes on after its words.
     */
    private static final String COMMAND_END = "(?=(?:\\\\r\\\\n)?['\"]?[ \\t]*(?:\\r?\\n|$))";

    /** The value of a command's option ({@link #commandOption}): a word, not a placeholder nor the next option. */
    private static final String OPTION_VALUE = "(?<v>(?![<-])[^\\s'\"]+)";

    /** A word echoed or printed, its quote opened ({@code echo 'bob:x' | chpasswd}): what comes before it. */
    private static final String ECHOED = "\\b(?:echo|printf)\\s+(?:-[a-z]+\\s+)?['\"]?";
    /** The end of an echoed word (a printed line break, its quote) and the pipe to a command, maybe with sudo. */
    private static final String PIPED_TO = "(?:\\\\n)?['\"]?\\s*\\|\\s*(?:sudo\\s+)?";

    /** A network device's secret after its keyword: an encryption type's digit aside, quoted or not. */
    private static final String DEVICE_SECRET = "\\s+(?:[0-9]\\s+)?+\"?(?<v>(?![<\"])[^\\s\";]+)";

    /** RMAN's keywords before a logon, each right after the command or the logon before ({@code rman target x}). */
    private static final String RMAN_LOGON = "(?:target|catalog|auxiliary)";
    /** A logon before another on RMAN's command line, or none (a lookbehind's bounded part). */
    private static final String RMAN_LOGON_BEFORE = "(?:\\s{1,4}" + RMAN_LOGON + "[=\\s]{1,4}\\S{1,200})?";

    /** What comes before the quoted password of SQL that sets one ({@link #RULES}). */
    private static final String SQL_PASSWORD = "(?i)\\b(?:password\\s*\\(\\s*"
            + "|password\\s+(?:for\\s+[^=\\n]{1,200}?=\\s*)?"
            + "|identified\\s+(?:with\\s+\\S+\\s+)?(?:by|as)\\s+(?:password\\s+)?)";

    private static final List<Rule> RULES = List.of(
            // PEM private keys: the whole block, or to the end of the text when it was cut
            Rule.of("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?"
                    + "(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|\\z)", "private-key").when("-----begin"),
            // a hex dump's row, as curl's --trace, net-snmp's -d, hexdump -C, xxd, od, tcpdump -X, Netty's
            // LoggingHandler, Java's javax.net.debug, OpenSSL's BIO_dump ("0000 - 16 03 01 ...-20 03"), tshark -x
            // ("0000  45 00 ...": four digits, two blanks) and Samba's dump_data ("[0000] 4E 23 ...") print the
            // bytes a program sent or received: an offset, the bytes in hex and maybe their text. A password or a
            // header spans rows there ("...73 33 63 72 65 74  PASS s3cret.."), which no rule reads whole, so the bytes
            // and their text go; the offset stays. Behind a log's header ("6b16a785.0ce5eba6 0x7f00a25fe6c0   0020:
            // 73 33 ..." of OpenLDAP's slapd -d, the kernel's print_hex_dump under syslog's) the offset needs its colon
            Rule.of("(?m)(?:^[ \\t|]*(?:(?:0x)?[0-9A-Fa-f]{4,8}(?:[:|]| -)|\\[[0-9A-Fa-f]{4,8}]"
                    + "|(?:[0-9A-Fa-f]{6,8}|[0-9A-Fa-f]{4}(?=[ \\t]{2}))(?=(?:[ \\t]+" + HEX_GROUP + "){4}))"
                    + "|(?<=[ \\t])(?:0x)?[0-9A-Fa-f]{4,8}:)[ \\t]+(?<v>" + HEX_GROUP
                    + "(?:[ \\t]{1,3}" + HEX_GROUP + ")+(?:[ \\t]+[^\\n]*?)?)[ \\t]*$", "bytes")
                    .whenText(Redactor::mayHoldHexDump),
            Rule.of("\\beyJ[A-Za-z0-9_-]{10,}(?:\\.[A-Za-z0-9_-]*){0,2}", "jwt").when("eyj"),
            // a password's hash in crypt(3)'s form, as a shell's trace of useradd -p, an htpasswd file or a
            // provisioning tool's output shows it ("$6$salt$hash", "$2b$12$...", "$y$j9T$salt$hash",
            // "$argon2id$v=19$m=65536,t=3,p=4$salt$hash"), and PostgreSQL's SCRAM verifier: crackable offline
            Rule.of("\\$(?:1|2[abxy]?|5|6|7|8|9|y|gy|md5|sha1|apr1|argon2(?:id|i|d)|scrypt)\\$"
                    + "(?:[^$\\s'\"]{1,80}\\$){1,4}[./A-Za-z0-9+=]{16,}", "password-hash").when("$"),
            Rule.of("\\bSCRAM-SHA-(?:1|256)\\$\\d+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+",
                    "password-hash").when("scram-sha"),
            // a password's hash after its scheme in braces, as LDAP's userPassword ("{SSHA}..."), slapd's rootpw,
            // Dovecot's passdb ("{SHA512-CRYPT}...") and htpasswd's SHA form ("bob:{SHA}...") write it; a plain
            // password so marked ({CLEARTEXT}, {PLAIN}) is a password; the scheme stays
            new Rule(Pattern.compile("\\{(?<s>[A-Z0-9-]*(?:SHA|MD5|CRYPT|PBKDF2|ARGON2|SCRAM|NTLM|CLEARTEXT|PLAIN)"
                    + "[A-Z0-9-]*)}(?<v>(?!<)[^\\s,;\"'<]{4,})"),
                    m -> m.group("s").matches("CLEARTEXT|PLAIN") ? "password" : "password-hash", v -> true).when("{"),
            // MySQL's native password hash ("*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29" of mysql.user, SHOW GRANTS)
            Rule.of("(?<![\\w*])\\*[0-9A-F]{40}(?![\\w])", "password-hash").when("*"),
            // scheme://user:password@host
            Rule.of("\\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^/\\s:@]*:(?<v>[^/\\s@<]+)@", "password").when("://"),
            // an Authorization header's credential, whatever its length (a proxy's or a cache's log of the request;
            // mod_log_forensic's, the next header after a bar)
            Rule.of("(?i)" + HEADER_START + "authorization\\s*:\\s*(?:bearer|basic|token|negotiate|ntlm)\\s+"
                    + "(?<v>" + beforeBreak("[^\\s\"',;<|]") + "+)", "token").when("authorization"),
            // a scheme and its credential anywhere ("Bearer x" of an access log's field); the version of a request line
            // whose path ends in one of the words is none ("POST /oauth/token HTTP/1.1"), nor is a word (Spring
            // Security's "Found username 'alice' in Basic Authorization header")
            new Rule(Pattern.compile("(?i)\\b(?:bearer|basic|token)\\s+(?!HTTP/)(?<v>[A-Za-z0-9._~+/=-]{8,})"),
                    m -> "token", v -> !v.matches("[A-Z]?[a-z]+")).when("bearer", "basic", "token"),
            // a cookie header's value to the line's end, a printed line break or the quote closing a quoted header
            // ("Cookie: a=b; c=d" of nginx's debug log, curl -H 'Cookie: a=b' of a shell's trace); a value in quotes
            // or in a list of its own is a keyed value's (Spring's headers=[cookie:"a=b; c=d", accept:"*/*"], Go's
            // map[Cookie:[a=b; c=d] Accept:[*/*]])
            Rule.of("(?i)(?<q>[\"'])?" + HEADER_START + "(?:set-)?cookie\\s*:\\s*(?<v>[^\\s<\"'\\[]"
                    + "(?:(?!" + BREAK_HERE + "|\\k<q>(?:[\\s,]|$))[^\\r\\n])*)", "cookie")
                    .when("cookie"),
            // command lines: --password X, --token=X, --db-password X, mysql -pX; wget's debug output, "Setting
            // --password (password) to X"; an argument list as a program prints it, each quoted (rclone's
            // "--s3-secret-access-key" "X"; ['--password', 'X']); a flag that asks for one or turns it off
            // (--no-password, --ask-become-pass) has none after it
            new Rule(Pattern.compile("(?i)(?<![\\w-])--?(?<k>(?:(?!(?:no|ask|prompt)-)[a-z0-9]+-){0,3}"
                    + "(?:password|passwd|passphrase|secret|token|api-?key|access-?key|auth-?token|client-?secret)"
                    + "|pass|pwd)"
                    + "(?:\\s+\\([\\w-]+\\)\\s+to)?(?:\\s+|=|[\"'],?\\s*[\"'])(?<v>(?![-<(])[^\\s\"']+)"),
                    m -> kindOfKey(m.group("k")), v -> !FLAG_PROSE.contains(v.toLowerCase(Locale.ROOT)))
                    .when("-pass", "-pwd", "-secret", "-token", "-api", "-access", "-auth", "-client"),
            // a property set on a command line, as Tomcat's start (its logArgs), a JVM's crash log, jcmd's
            // VM.command_line and a shell's trace print it: Java's and Maven's "-Djavax.net.ssl.keyStorePassword=x",
            // Gradle's "-PsigningPassword=x", Spring Boot's "--spring.datasource.password=x", quoted or not; a
            // variable ("--user-pin=$PIN") or a path ("--private-key=/etc/key.pem") is no secret
            commandProperty("(?<q>[\"'])(?<v>(?![$/~<])[^\"'\\n]+)\\k<q>"),
            commandProperty("(?<v>(?![$/~<\"'])[^" + VALUE_END + "]+)"),
            Rule.of("(?i)\\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump)\\b[^\\n]*?\\s-p"
                    + "(?<v>[^\\s\"'<]+)", "password").when("mysql", "mariadb"),
            // curl's user and password: "curl -u bob:hunter2 https://...", "--user", "--proxy-user", "-U"
            Rule.of("\\bcurl\\b[^\\n]*?\\s(?:-[uU]\\s*|--(?:proxy-)?user[\\s=]+)['\"]?[^\\s:\"'<]*:(?<v>[^\\s\"'<]+)",
                    "password").when("curl"),
            // other tools' passwords on their command lines, as cron's "CMD (...)" and a shell's trace print them:
            // sshpass's "-p X" (its options come first), lftp's "-u user,X", Samba's tools' "-U user%X"
            Rule.of("\\bsshpass\\s+(?:-[^p\\s]\\S*\\s+)*-p\\s*['\"]?(?<v>(?![<-])[^\\s'\"]+)", "password")
                    .when("sshpass"),
            Rule.of("\\blftp\\b[^\\n]*?\\s-u\\s*['\"]?[^\\s,'\"<]+,(?<v>(?!<)[^\\s'\"]+)", "password").when("lftp"),
            Rule.of("\\b(?:smbclient|rpcclient|smbcacls|smbget|smbtree|smbcquotas|net)\\b[^\\n]*?\\s"
                    + "(?:-U\\s*|--user(?:name)?[=\\s]+)['\"]?[^\\s%'\"<]+%(?<v>(?!<)[^\\s'\"]+)", "password")
                    .when("smb", "rpcclient", "net "),
            // mail and file transfer clients' commands as their transcripts show them (curl -v, lftp -d, wget -d,
            // Python's imaplib and poplib at debug, Apache Commons Net's listener, Dovecot's rawlog): IMAP's "A001
            // LOGIN bob hunter2" (the password quoted or not; SQL's "ROLE bob LOGIN NOINHERIT" has a keyword after
            // it), POP3's and FTP's "PASS hunter2" at a line's start, after an arrow, a quote or a Unix time; the
            // masks of clients that hide it ("PASS *", "LOGIN <user> <pass>") stay
            new Rule(Pattern.compile(IMAP_LOGIN + "\"(?<v>(?![<*])(?=[^\"\n])[^\"\\\\\n]*+(?:(?:\\\\+\"|\\\\.)"
                    + "[^\"\\\\\n]*+)*)(?:\"|$)" + COMMAND_END), Redactor::imapLogin, v -> true).when(" login "),
            new Rule(Pattern.compile(IMAP_LOGIN + "(?<v>(?![<*{])[^\\s\"'(){]+?)" + COMMAND_END), Redactor::imapLogin,
                    v -> true).when(" login "),
            new Rule(Pattern.compile("(?m)(?:^[ \\t]*|[>'\"][ \\t]?|\\b\\d{9,10}\\.\\d{1,9} )PASS "
                    + "(?<v>(?![<\\s])[^\\n'\"]*?)(?=\\\\r\\\\n|['\"]|[ \\t]*$)"), m -> "password",
                    v -> !v.isEmpty() && !v.matches("[*.]+")).when("pass "),
            // the Monitoring Plugins' credentials on a check's command line, as Icinga's and Nagios's logs print the
            // command they ran ("'/usr/lib/nagios/plugins/check_smtp' '-P' 'x'"); each plugin's own options
            // (check_smtp's -P is its password, check_snmp's a protocol version, check_http's -p a port)
            // (one rule, so the texts are looked through for "check_" once)
            Rule.of("(?<=[\\s'\"])(?:" + String.join("|",
                    optionOf("check_(?:http|curl)", "-a|--authorization|-b|--proxy-authorization", true),
                    optionOf("check_smtp", "-P|--authpass", false),
                    optionOf("check_(?:mysql|mysql_query|pgsql)", "-p|--password", false),
                    optionOf("check_ldaps?", "-P|--pass", false),
                    optionOf("check_snmp", "-C|--community|-A|--authpasswd|-X|--privpasswd", false),
                    optionOf("check_nt", "-s|--secret", false)) + ")" + OPTION_VALUE, "password").when("check_"),
            // other tools' password options, as a shell's trace (bash -x), cron's CMD and a CI job's log print them:
            // redis-cli's -a, zip's and unzip's -P, a registry's login -p (docker, podman, ...), the OpenLDAP
            // tools' -w, the MongoDB tools' -p, sqlcmd's and bcp's -P, keytool's -storepass and -keypass
            commandOption("redis-cli", "-a", false, "redis-cli"),
            commandOption("zip|unzip|zipcloak", "-P", false, "zip"),
            commandOption("(?:docker|podman|buildah|skopeo|nerdctl|oras)\\s{1,4}login", "-p", false, "login"),
            commandOption("ldap(?:search|add|modify|delete|whoami|passwd|compare|modrdn|exop)", "-w", false, "ldap"),
            commandOption("mongo(?:sh|dump|restore|export|import|stat|top)?", "-p", false, "mongo"),
            commandOption("sqlcmd|bcp", "-P", false, "sqlcmd", "bcp"),
            commandOption("keytool|jarsigner", "-(?:src|dest)?(?:store|key)pass|-new", false, "keytool", "jarsigner"),
            // ssh-keygen's new and old passphrases (-N, -P), rdesktop's -p, FreeRDP's /p: and /gp: (a gateway's)
            commandOption("ssh-keygen", "-N|-P", false, "ssh-keygen"),
            commandOption("rdesktop", "-p", false, "rdesktop"),
            Rule.of("(?<=[\\s'\"])/g?p:(?<=\\b(?:xfreerdp|wlfreerdp|sdl-freerdp|freerdp)\\b[^\\n]{0,2000})"
                    + OPTION_VALUE, "password").when("freerdp"),
            // Wi-Fi: wpa_passphrase's second argument, NetworkManager's "nmcli dev wifi connect SSID password x" and
            // a connection's secret properties ("nmcli con modify wifi wifi-sec.psk x 802-1x.password y")
            Rule.of("\\bwpa_passphrase\\s+(?:'[^'\\n]*'|\"[^\"\\n]*\"|\\S+)\\s+['\"]?" + OPTION_VALUE, "password")
                    .when("wpa_passphrase"),
            commandOption("nmcli", "password|[\\w-]+\\.(?:psk|[\\w-]*password|wep-key[0-3]|pin)", false, "nmcli"),
            // openssl passwd's password, after its options ("openssl passwd -6 -salt x pw": a hash's input)
            Rule.of("\\bopenssl\\s+passwd(?:\\s+(?:-(?:salt|in|rand|writerand|provider|provider-path|propquery)\\s+\\S+"
                    + "|-\\S+))*\\s+['\"]?" + OPTION_VALUE, "password").when("passwd"),
            // a user's password piped to chpasswd or to passwd --stdin, as a Dockerfile's RUN line or a CI job's
            // script shows it ("echo 'bob:x' | chpasswd", "echo x | passwd --stdin bob")
            Rule.of(ECHOED + "[^\\s:'\"]+:(?<v>(?!<)[^\\s'\"]+?)" + PIPED_TO + "(?:/usr/sbin/)?chpasswd\\b", "password")
                    .when("chpasswd"),
            Rule.of(ECHOED + "(?<v>(?![<-])[^\\s'\"]+?)" + PIPED_TO + "passwd\\s+--stdin\\b", "password")
                    .when("--stdin"),
            // a package manager's or a cloud CLI's setting, its key then its value: "npm config set
            // //registry.example.com/:_authToken x", "yarn config set npmAuthToken x", "aws configure set
            // aws_secret_access_key x" (the key's registry or profile aside)
            new Rule(Pattern.compile("\\b(?:npm|yarn|pnpm|aws)\\s+config(?:ure)?\\s+set\\s+(?:--?[\\w-]+\\s+)*['\"]?"
                    + "(?:[^\\s'\"]*[/:.])?(?<k>[A-Za-z_][\\w-]{0,60})['\"]?\\s+['\"]?" + OPTION_VALUE),
                    Redactor::keyedKind, v -> true).when("config"),
            // MinIO's client: "mc alias set NAME URL ACCESS_KEY SECRET_KEY" (and the older "mc config host add")
            Rule.of("\\bmc\\s+(?:alias\\s+set|config\\s+host\\s+add)\\s+\\S+\\s+\\S+\\s+\\S+\\s+['\"]?" + OPTION_VALUE,
                    "secret").when("mc "),
            // net-snmp's tools' community (-c) and SNMPv3 passphrases (-A, -X), ipmitool's -P, the Mosquitto
            // clients' -P, openssl's -k (a passphrase) and -K (a raw key), the Azure CLI's login -p
            commandOption("snmp(?:walk|bulkwalk|get|getnext|bulkget|set|trap|inform|table|df|status|delta|netstat)",
                    "-c|-A|-X", false, "snmp"),
            commandOption("ipmitool", "-P", false, "ipmitool"),
            commandOption("mosquitto_(?:pub|sub|rr)", "-P|--pw", false, "mosquitto_"),
            commandOption("openssl", "-k|-K", false, "openssl"),
            commandOption("az\\s{1,4}login", "-p", false, "az"),
            // archivers that take the password glued to -p: 7-Zip's "7z a -px", RAR's "rar a -px", "unrar x -px"
            Rule.of("(?<=[\\s'\"])-p(?<=\\b(?:7z|7za|7zr|rar|unrar)\\b[^\\n]{0,2000})(?<v>(?![<-])[^\\s'\"]+)",
                    "password").when("7z", "rar"),
            // RabbitMQ's users' passwords, positional: "rabbitmqctl add_user bob x", "change_password bob x"
            Rule.of("\\brabbitmqctl\\b[^\\n]{0,200}?\\s(?:add_user|change_password|authenticate_user)\\s+"
                    + "['\"]?[^\\s'\"]+['\"]?\\s+['\"]?(?<v>(?![<-])[^\\s'\"]+)", "password").when("rabbitmqctl"),
            // a network device's configuration, as an automation tool's session log, a config backup's diff or the
            // device's own log of a typed command (Cisco's "%PARSER-5-CFGLOG_LOGGEDCMD: ... logged
            // command:username bob secret x") show it: Cisco IOS's passwords, secrets, keys and communities, an
            // encryption type's digit before them ("password 7 0822455D0A16": type 7 is reversible), and Junos's
            // quoted "$9$" secrets and plain-text-password-value
            Rule.of("(?:(?m:^)[ \\t]*(?:[+-][ \\t]*)?|(?<=command:))(?:"
                    + "username\\s+\\S+(?:\\s+privilege\\s+\\d+)?\\s+(?:password|secret)"
                    + "|enable\\s+(?:password|secret)(?:\\s+level\\s+\\d+)?|snmp-server\\s+community"
                    + "|(?:tacacs|radius)-server\\s+(?:host\\s+\\S+\\s+)?key|crypto\\s+isakmp\\s+key|key-string"
                    + "|key(?=\\s+[0-9]\\s)|ip\\s+ospf\\s+(?:authentication-key|message-digest-key\\s+\\d+\\s+md5)"
                    + "|neighbor\\s+\\S+\\s+password|wpa-psk\\s+(?:ascii|hex)"
                    + "|ppp\\s+(?:chap|pap)\\s+(?:sent-username\\s+\\S+\\s+)?password"
                    + "|(?:ikev[12]\\s+)?pre-shared-key(?:\\s+address\\s+\\S+\\s+key)?|set\\s+snmp\\s+community)"
                    + DEVICE_SECRET, "password").when("password", "secret", "key", "community", "psk"),
            Rule.of("(?<![\\w-])(?:plain-text-password-value"
                    + "|(?:secret|authentication-key|pre-shared-key\\s+ascii-text)(?=\\s+\"\\$9\\$))" + DEVICE_SECRET,
                    "password").when("plain-text-password-value", "$9$"),
            // htpasswd's batch mode: "htpasswd -b[c] FILE USER PASSWORD", "htpasswd -nb USER PASSWORD"
            new Rule(Pattern.compile("\\bhtpasswd(?<o>(?:\\s+-[A-Za-z]+)+)(?<f>\\s+\\S+)?\\s+\\S+\\s+['\"]?"
                    + "(?<v>(?![<-])[^\\s'\"]+)"), Redactor::htpasswdBatch, v -> true).when("htpasswd"),
            // Oracle's logon, user/password[@connect identifier]: a JDBC URL's ("jdbc:oracle:thin:scott/x@db:1521/XE"),
            // its tools' first argument ("sqlplus -s scott/x@orcl", "expdp system/x@orcl", "rman target sys/x@db"), a
            // parameter file's "userid=scott/x" and SQL*Plus's echo of "SQL> connect scott/x"
            Rule.of("(?:\\bjdbc:oracle:(?:thin|oci8?|kprb):"
                    + "|\\b(?:sqlplus|sqlldr|expdp|impdp|dgmgrl|rman)(?:\\s+-[A-Za-z]+)*\\s+['\"]?"
                    + "|\\b" + RMAN_LOGON
                    + "(?<=\\brman" + RMAN_LOGON_BEFORE + RMAN_LOGON_BEFORE + "\\s{1,4}" + RMAN_LOGON + ")"
                    + "(?:\\s*=\\s*|\\s+)['\"]?"
                    + "|(?i:\\buserid)\\s*=\\s*['\"]?|(?m:^(?:SQL|RMAN|DGMGRL)>[ \\t]*)(?i:conn(?:ect)?)\\s+)"
                    + "\"?[A-Za-z][\\w$#.]*\"?/\"?(?<v>(?![<\\s@/])[^\\s@/'\"]+)\"?(?=@|['\"\\s]|$)", "password")
                    .when("jdbc:oracle", "sqlplus", "sqlldr", "expdp", "impdp", "dgmgrl", "rman", "userid", "conn"),
            // SQL that sets a password, as a database's statement log records it: PostgreSQL's "CREATE ROLE bob
            // PASSWORD 'x'", MySQL's and MariaDB's "IDENTIFIED BY 'x'", "SET PASSWORD FOR bob = PASSWORD('x')"; a
            // literal cut off at the end of the text to its end
            Rule.of(SQL_PASSWORD + "'(?<v>(?!<)(?=[^'\\n]|'')[^'\\n]*+(?:''[^'\\n]*+)*+)(?:'|$)", "password")
                    .when("password", "identified"),
            // MySQL's strings in double quotes too ("IDENTIFIED BY \"x\"")
            Rule.of(SQL_PASSWORD + "\"(?<v>(?!<)[^\"\\n]+)(?:\"|$)", "password").when("password", "identified"),
            // PostgreSQL's dollar quotes ("PASSWORD $$x$$", "PASSWORD $pw$x$pw$")
            Rule.of(SQL_PASSWORD + "\\$\\$(?<v>(?!<)[^\\n]+?)(?:\\$\\$|$)", "password").when("password", "identified"),
            Rule.of(SQL_PASSWORD + "\\$(?<t>[A-Za-z_]\\w*)\\$(?<v>(?!<)[^\\n]+?)(?:\\$\\k<t>\\$|$)", "password")
                    .when("password", "identified"),
            // Oracle's password not in quotes after the user or role it is set for ("CREATE USER app IDENTIFIED BY
            // x", a script's statement as a migration tool's log echoes it; prose says "tags to be identified by
            // labels"); "IDENTIFIED BY VALUES '...'" names a hash
            Rule.of("(?i)\\b(?:user|role)\\s++[\\w\"$#.@'%-]{1,128}+\\s++identified\\s++by\\s++"
                    + "(?<v>(?![<'\"*$]|(?:password|values)\\b)[^\\s;,)]++)", "password").when("identified"),
            // a user and a password after an authentication's key, as HTTP's basic scheme joins them ("auth:
            // bob:hunter2", webfs's debug output); digits alone after the colon are a port
            new Rule(Pattern.compile("(?i)(?<![\\w.-])[a-z_.-]*auth\\s*[=:]\\s*[^\\s:\"'<,;]{1,64}:"
                    + "(?<v>[^\\s\"'<,;]+)"), m -> "password", v -> !v.chars().allMatch(Character::isDigit))
                    .when("auth"),
            // a connection string's password, whose value runs to the next semicolon, blanks and all (ADO.NET's
            // "Server=db;User ID=bob;Password=x y;", ODBC's "UID=bob;PWD={x;y}" in braces); a text without a
            // semicolon is no connection string, and a path after PWD a working directory (sudo's "TTY=pts/0 ;
            // PWD=/home/bob ; USER=root")
            new Rule(Pattern.compile("(?i)(?:^|;)[ \\t]*(?<k>password|pwd)[ \\t]*=[ \\t]*"
                    + "(?<v>\\{[^}\\n]*}|(?![<\"'{])[^;\\n]*[^;\\s])(?=[ \\t]*(?:;|$))"),
                    m -> workingDirectory(m.group("k"), m.group("v")) ? null : "password", v -> true)
                    .when("password", "pwd").whenText(text -> text.indexOf(';') >= 0),
            // key = "value", key: 'value', key=value, "key": "value"; Python's bytes and strings as its dicts print
            // them ("'X-Amz-Security-Token': b'...'", botocore's debug output of a request's headers), a value first
            // in a list ({'password': ['x']} of parse_qs, Django's QueryDict); Perl's, PHP's and Ruby's "=>"
            // ('password' => 'x' of Data::Dumper, {"password"=>"x"} of Ruby's inspect), Erlang's map of binaries
            // (#{<<"password">> => <<"x">>} of a JSON body decoded)
            keyed("[\"']?" + KEY + "[\"']?(?:>>)?" + ASSIGN + "(?:<<)?" + LIST_OPEN + STRING_PREFIX
                    + "\"(?<v>[^\"<][^\"]*)\"").when("\""),
            keyed("[\"']?" + KEY + "[\"']?" + ASSIGN + LIST_OPEN + STRING_PREFIX + "'(?<v>[^'<][^']*)'").when("'"),
            // a key and its value as a pair: Python's tuples ("('password', 'x')" of Werkzeug's MultiDict, parse_qsl,
            // a headers' items), Erlang's in a property list ("{password,<<\"x\">>}", "{\"password\",\"x\"}"), a
            // list's in a list of them (ActiveRecord's binds, "[[\"name\", \"bob\"], [\"password\", \"x\"]]"; a list
            // alone is a list of names, "required": ["password", "email"])
            keyed("(?:[({]|(?<=\\[|\\],|\\], )\\[)\\s*(?:<<)?" + STRING_PREFIX
                    + "(?<kq>[\"']?)(?<k>[A-Za-z_][\\w.-]{0,60})\\k<kq>(?:>>)?\\s*,\\s*"
                    + "(?:<<)?" + STRING_PREFIX + "(?<vq>[\"'])(?<v>(?!<)(?:(?!\\k<vq>)[^\\n])+)\\k<vq>"
                    + "(?:>>)?\\s*[)}\\]]").when("('", "(\"", ",<<", ",\"", "[[\"", "[['"),
            // PHP's print_r, an element a line: "    [password] => x", an object's property with its visibility
            // ("[secret:protected] => x", which no key's value is); the value, never quoted, runs to the line's end, a
            // nested array's or object's opening word aside
            keyed("(?m)^[ \\t]*\\[(?<k>[A-Za-z_][\\w.-]{0,60})(?::[\\w\\\\]+)*] => "
                    + "(?<v>(?!<|(?:Array|[\\w\\\\]+ Object)\\s*$)[^\\n]*[^\\s])").when("] => "),
            // PHP's var_dump: the key in brackets, its value's type and length on the next line, the value quoted
            // ("["password"]=>" then "  string(6) "x"", an object's property with its visibility)
            keyed("\\[\"(?<k>[A-Za-z_][\\w.-]{0,60})\"(?::[^\\]\\s]+)*]=>[ \\t]*\\r?\\n[ \\t]*string\\(\\d+\\) \""
                    + "(?<v>(?!<)[^\"\\n]+)\"").when("]=>"),
            // an unquoted value, maybe first in a list (Go's url.Values, "map[password:[x] user:[bob]]"), ends before a
            // printed line break and a bracket closing what holds the pair (Lombok's and Kotlin's toString,
            // "Config(user=bob, password=x)"), not one inside it ("password=a)b", "f()"); a program's message after its
            // name is none ("passwd: password updated successfully", "bash: htpasswd: command not found")
            keyed(KEY + ASSIGN + LIST_OPEN + "(?![\"'<>]|:[ \\t]|\\{[A-Z0-9-]+}|\\{\\s|" + PROGRAM_MESSAGE + ")"
                    + "(?<v>(?:(?!" + BREAK_HERE + "|" + CLOSING_BRACKET + ")[^" + VALUE_END + "])++)(?!] => )")
                    .when("=", ":"),
            // an LDIF attribute's value in base64 after a double colon ("userPassword:: e1NTSEF9...", Active
            // Directory's "unicodePwd:: ..."), as ldapsearch's and slapcat's output print it
            keyed("(?<![\\w:-])(?<k>[A-Za-z][\\w-]{0,60})::[ \\t]+(?<v>[A-Za-z0-9+/]{4,}={0,2})").when("::"),
            // JSON inside a JSON string, its quotes escaped once or more ({"log":"{\"password\":\"x\"}"} of a
            // container's log file, the AWS CLI's debug output of a secret's {\\"password\\":\\"x\\"}), in hex
            // (nginx's access log of a request's body, {\x22password\x22:\x22x\x22}) or as a code point (.NET's
            // System.Text.Json, a backslash, u and 0022 for each quote)
            keyed(ESCAPED_QUOTE + "(?<k>[A-Za-z][A-Za-z0-9_.-]{0,60})" + ESCAPED_QUOTE + "\\s*:\\s*" + ESCAPED_QUOTE
                    + "(?<v>(?!<)[^\"\\\\]+)" + ESCAPED_QUOTE).when("\\\"", "\\x22", "\\u0022"),
            // JSON percent-encoded into a URL's query, as an access log prints it (a GraphQL GET's variables,
            // "?variables=%7B%22password%22%3A%22x%22%7D"): a key and its value, each between encoded quotes
            keyed("%22(?<k>[A-Za-z][A-Za-z0-9_.-]{0,60})%22(?:%3[Aa]|:)(?:%20|\\+){0,4}%22"
                    + "(?<v>(?!%3[Cc])(?:(?!%22)[^\\s&\"])++)%22").when("%22"),
            // a setting's name and value as two fields of one object: a container's environment in JSON or YAML
            // ({"name": "DB_PASSWORD", "value": "x"}, as ECS's and Kubernetes' API bodies and audit logs carry it),
            // CloudFormation's ParameterKey and ParameterValue (shorthand, JSON, a form's Parameters.member.1.*),
            // SSM's {"Name": "/app/db/password", "Value": "x"}, an XML property (<property name="password"
            // value="x"/>), Spring Boot's failure analysis of a property it could not bind ("Property: app.password"
            // then "Value: "x"" on the record's next line); and as a command's options (aws ssm put-parameter --name
            // /app/db/password --value x, az keyvault secret set --name db-password --value x, and so as the AWS CLI's
            // debug output lists them)
            new Rule(Pattern.compile("(?i)(?<![\\w-])(?:[\\w.]*\\.)?(?:parameter_?)?(?:name|key|property)[\"']?"
                    + ASSIGN + "[\"']?" + SETTING_NAME + "[\"']?\\s*[,;&]?\\s*[\"']?(?:[\\w.]*\\.)?(?:parameter_?)?"
                    + "value[\"']?" + ASSIGN + "(?:\\{\\s*\"?stringValue\"?\\s*:\\s*)?[\"']?"
                    + "(?<v>(?![<\\s])[^\"'\\n,;&}\\]>]+)"),
                    Redactor::keyedKind, v -> !v.equals("null")).when("value"),
            new Rule(Pattern.compile("(?<![\\w-])--name" + ARGUMENT_GAP + SETTING_NAME + "['\"]?"
                    + "(?:" + ARGUMENT_GAP + "--[\\w-]+" + ARGUMENT_GAP + "[^\\s'\"-][^\\s'\"]*['\"]?){0,3}"
                    + ARGUMENT_GAP + "--value" + ARGUMENT_GAP + "(?<v>(?![<-])[^\\s'\"]+)"), Redactor::keyedKind,
                    v -> true).when("--value"),
            // an XML element named as a key, its text the value: a SOAP request's WS-Security UsernameToken
            // (<wsse:Password Type="...#PasswordText">x</wsse:Password>) and body (<ns0:password>x</ns0:password>), a
            // response's <sessionToken>x</sessionToken>, as zeep's and suds's debug logs print them; an element
            // whose name or key attribute names the key (<entry key="db.password">x</entry> of Java's properties in
            // XML, <property name="hibernate.connection.password">x</property>); CDATA too
            keyed("<" + XML_PREFIX + "(?<k>[A-Za-z][\\w.-]{0,60})(?:\\s[^<>]*)?>" + XML_TEXT + "</" + XML_PREFIX
                    + "\\k<k>\\s*>").when("</"),
            keyed("<" + XML_PREFIX + "(?<t>[A-Za-z][\\w.-]{0,60})\\s[^<>]*?\\b(?:name|key)\\s*=\\s*[\"']" + SETTING_NAME
                    + "[\"'][^<>]*>" + XML_TEXT + "</" + XML_PREFIX + "\\k<t>\\s*>").when("</"),
            // a field Spring's validation rejected, its value in brackets to the codes after it ("Field error in
            // object 'newUser' on field 'password': rejected value [x]; codes [...]" of a
            // MethodArgumentNotValidException or BindException, as DefaultHandlerExceptionResolver logs it at WARN)
            keyed("on field '(?<k>[A-Za-z_][\\w.\\[\\]-]{0,100}+)': rejected value \\["
                    + "(?<v>(?:(?!\\]; codes \\[)[^\\n])++)\\]; codes \\[").when("rejected value ["),
            // psql's expanded display (\x, psql -x): a column's name, blanks to pad it, a bar, its value
            keyed("(?m)^(?<k>[A-Za-z_]\\w{0,60}+) *+\\| (?<v>[^\\s|][^\\n]*?)[ \\t]*$").when(" | "),
            // a setting alone on its line, its key and value parted by spaces, as a configuration printed into a log
            // writes it: GlusterFS's brick graph ("121:     option auth.login.<uuid>.password <value>"), Redis's
            // requirepass; a value of lower-case letters alone is a word after a key that is one ("session closed")
            new Rule(Pattern.compile("(?m)^[ \\t]*(?:\\d+:[ \\t]*)?(?:option[ \\t]+)?" + KEY
                    + "[ \\t]+(?<v>[^\\s\"'<]+)[ \\t]*$"), Redactor::settingKind,
                    v -> !isFlag(v) && !PLAIN_WORDS.contains(v.toLowerCase(Locale.ROOT)) && !v.matches("\\p{Punct}+"))
                    .when("pass", "pwd", "secret", "key", "token", "credential", "signature", "session", "sid",
                            "cookie", "authorization", "pin"),
            // "the new password is X", "Password for 'SuperUser' set to 'X'" (Murmur's first start)
            new Rule(Pattern.compile("(?i)\\b(?:password|passphrase|passcode|pin|secret)"
                    + "(?:\\s+for\\s+(?:'[^'\\s]{1,64}'|\"[^\"\\s]{1,64}\"|[^\\s'\"]{1,64}))?"
                    + "\\s+(?:is|was|(?:set|changed|reset)\\s+to)\\s*:?\\s+"
                    + "['\"]?(?<v>[^\\s,;<'\"][^\\s,;<]*?)['\"]?(?=[\\s,;<]|$)"), m -> "password",
                    v -> !PLAIN_WORDS.contains(v.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "")))
                    .when("pass", "pin", "secret"),
            // a password named in prose, one blank before it: "login failed for bob with password x" (an application's
            // own message); a word after the key is a password when it looks random ("with password authentication"
            // and "password 3 times" stay)
            new Rule(Pattern.compile("(?i)\\b(?<k>password|passwd|passphrase|passcode|secret) "
                    + "(?<v>[^\\s<'\",;=-][^\\s<'\",;=]*?={0,2})[.!]?(?=[\\s,;]|$)"),
                    m -> kindOfKey(m.group("k")), Redactor::randomLooking).when("pass", "secret"),
            // FreeRADIUS with auth_badpass or auth_goodpass on: "Login incorrect (...): [bob/hunter2] (from client"
            Rule.of("(?i)\\blogin (?:ok|incorrect)\\b[^\\[\\n]{0,200}\\[[^/\\]\\s]{1,253}/(?<v>[^<\\]][^\\]\\n]*)\\]",
                    "password").when("login ok", "login incorrect"),
            // Dovecot's auth_debug_passwords: the password given and the one stored, "PLAIN(given) != 'stored'"
            Rule.of(PASSWORD_SCHEME + "(?<v>(?!<)[^)\\n]+)\\) != '", "password").when(") != '"),
            Rule.of(PASSWORD_SCHEME + "[^)\\n]*\\) != '(?<v>(?!<)[^'\\n]+)'", "password").when(") != '"),
            Rule.of("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{20,})", "github-token")
                    .when("gh", "github_pat_"),
            // GitLab's tokens: personal (glpat-), OAuth applications' secrets, deploy, runner, CI/CD job, pipeline
            // trigger, feed, incoming mail, agent and SCIM tokens
            Rule.of("\\bgl(?:pat|oas|dt|rt|cbt|ptt|ft|imt|agent|soat)-[A-Za-z0-9_-]{20,}", "gitlab-token")
                    .when("glpat-", "gloas-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glimt-", "glagent-",
                            "glsoat-"),
            // HashiCorp Vault's tokens since 1.10: service (hvs.), batch (hvb.) and recovery (hvr.)
            Rule.of("\\bhv[sbr]\\.[A-Za-z0-9_-]{24,}", "vault-token").when("hvs.", "hvb.", "hvr."),
            Rule.of("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\\b", "aws-key")
                    .when("akia", "asia", "agpa", "aida", "aroa", "anpa", "anva", "aipa"),
            Rule.of("\\bxox[abprs]-[A-Za-z0-9-]{10,}", "slack-token").when("xox"),
            Rule.of("\\b(?:sk-[A-Za-z0-9_-]{16,}|[sr]k_(?:live|test)_[A-Za-z0-9]{10,}|AIza[0-9A-Za-z_-]{30,})",
                    "api-key").when("sk-", "sk_", "rk_", "aiza"),
            // other services' tokens by their documented prefixes: npm's, PyPI's, Docker Hub's, SendGrid's, Hugging
            // Face's, DigitalOcean's, Shopify's, Atlassian's, Grafana's, New Relic's, Databricks', Postman's, Linear's,
            // Pulumi's, Stripe's webhook secrets, Sentry's, age's secret keys
            Rule.of("\\b(?:npm_[A-Za-z0-9]{36}|pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{30,}|dckr_pat_[A-Za-z0-9_-]{20,}"
                    + "|SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}|hf_[A-Za-z0-9]{30,}|do[opr]_v1_[0-9a-f]{64}"
                    + "|shp(?:at|ss|ca|pa)_[0-9a-fA-F]{32}|ATATT3[A-Za-z0-9_=-]{20,}|glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}"
                    + "|glc_[A-Za-z0-9+/]{32,}={0,2}|NRAK-[A-Z0-9]{27}|dapi[0-9a-f]{32}(?:-\\d+)?"
                    + "|PMAK-[0-9a-f]{24}-[0-9a-f]{34}|lin_api_[A-Za-z0-9]{40}|pul-[0-9a-f]{40}"
                    + "|whsec_[A-Za-z0-9+/=]{24,}|sntry[su]_[A-Za-z0-9+/=_]{40,}|AGE-SECRET-KEY-1[0-9A-Z]{58})"
                    + "(?![A-Za-z0-9])", "api-key")
                    .when("npm_", "pypi-", "dckr_pat_", "sg.", "hf_", "_v1_", "shp", "atatt3", "glsa_", "glc_", "nrak-",
                            "dapi", "pmak-", "lin_api_", "pul-", "whsec_", "sntry", "age-secret-key-"),
            // incoming webhooks' URLs, whose path is the credential: Slack's, Discord's, Microsoft Teams'
            Rule.of("(?:(?<=hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]{20,}"
                    + "|(?<=discord(?:app)?\\.com/api/webhooks/)\\d{5,25}/[A-Za-z0-9_-]{40,}"
                    + "|(?<=\\.webhook\\.office\\.com/webhookb2/)[^\\s\"'<>]{40,})", "webhook")
                    .when("hooks.slack.com", "/api/webhooks/", "webhook.office.com"),
            // SASL's PLAIN credentials in base64 ("[authzid] NUL user NUL password"), as a mail server's or its
            // client's debug output carries them: Dovecot's "resp=AGJvYgBodW50ZXIy", "AUTH PLAIN AGJvYgBodW50ZXIy"
            new Rule(Pattern.compile("(?<![A-Za-z0-9+/])(?<v>[A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])"),
                    m -> "password", Redactor::saslPlain).whenText(Redactor::mayHoldSaslPlain),
            // a client's SASL response Dovecot's debug output says may hold a secret ("client in: CONT\t2\tczNj...
            // (previous base64 data may contain sensitive data)": the LOGIN mechanism's password, alone)
            new Rule(Pattern.compile("(?<![A-Za-z0-9+/])(?<v>[A-Za-z0-9+/]{4,1024}={0,2})"
                    + " \\(previous base64 data may contain sensitive data\\)"), m -> "password", v -> true)
                    .when("previous base64 data"),
            // SASL's LOGIN exchange (SMTP's, IMAP's, POP3's AUTH LOGIN): the user and the password go each as a
            // base64 line of its own after the server's prompt ("334 UGFzc3dvcmQ6", Password:), so a line ending
            // with a base64 word of text, alone or after an arrow, a quote or a time, is taken for one ("> Y3Vy...",
            // "send: 'c210cGxp...\\r\\n'"); a prompt (text ending with a colon) and a word of bytes stay
            new Rule(Pattern.compile("(?m)(?:^[ \\t]*|[>'\"][ \\t]?|[\\d:][ \\t])(?<v>[A-Za-z0-9+/]{8,1024}={0,2})"
                    + "(?:\\\\r\\\\n)?['\"]?[ \\t]*$"), m -> "password", Redactor::base64Text)
                    .whenText(Redactor::mayEndInBase64),
            // a user and a password each after its name, as a .netrc's line or s-nail's verbose output writes them
            // ("machine h login bob password x", "user bob, pass x"); a word in lower case alone is prose's, a digit
            // before another word a network device's encryption type ("username bob password 0 x", read above);
            // punctuation alone is a table's bar ("| username | password |" of MySQL's client), a type and its size
            // a table's column ("create table users (username varchar(50), password varchar(100))")
            new Rule(Pattern.compile("(?i)\\b(?:user|login|username)\\s+[^\\s,;]+,?\\s+(?:password|passwd|pass)\\s+"
                    + "(?<v>(?![<*])(?![0-9]\\s+\\S)[^\\s,;'\"]+)"), m -> "password",
                    v -> !v.matches("[a-z]*\\p{Punct}*") && !COLUMN_TYPE.matcher(v).matches())
                    .when("pass"),
            // a word of 40+ random base64 characters (the body of a key block logged line by line); paths are
            // told apart by their many slashes, hashes by being hex
            new Rule(Pattern.compile("(?<![^\\s:=\"'])(?<v>[A-Za-z0-9+/]{40,}={0,2})(?![^\\s,;\"'])"),
                    m -> "key-material", Redactor::keyMaterial));

    private static final List<Rule> PERSONAL = List.of(
            new Rule(Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
                    + "\\.[A-Za-z]{2,}"), m -> "EMAIL", v -> true).when("@"),
            new Rule(Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])"),
                    m -> "SSN", v -> true).when("-"),
            new Rule(Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}"
                    + "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d.]*\\d)"), m -> "IP", v -> true).when("."),
            // IPv6: hex groups with "::" or all eight groups (a time of day has neither), not an assignment's "::="
            // (ASN.1's); Erlang's reports join a date's year and the time by "::" (=INFO REPORT==== 7-Dec-2026::...);
            // "::" without a digit is no address of anyone (Spring Boot's banner, ":: Spring Boot ::")
            new Rule(Pattern.compile("(?i)(?<![0-9a-z:])(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){7})(?=:*[0-9a-f])"
                    + "(?!(?<=-)\\d{4}::\\d{1,2}:\\d{2}:\\d{2}(?![\\d:]))"
                    + "[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![0-9a-z:=])"), m -> "IP", v -> true).when(":"));

    /**
     * 13 to 19 digits, spaced or dashed, not glued to a letter or digit (digits inside a hex id are no card) nor to a
     * word by an underscore, a sign between them or not (an identifier's number: HDFS's {@code blk_-160899968791986}).
     */
    private static final Pattern CARD = Pattern.compile(
            "(?<![\\dA-Za-z_])(?<!_-)(?:\\d[ -]?){12,18}\\d(?![\\dA-Za-z_])");

    private final Redactions redactions = new Redactions();

    /** What this redactor replaced so far, by source and kind. */
    public Redactions redactions() {
        return redactions;
    }

    /** The text with every secret and piece of personal data replaced by its kind, uncounted (a template, say). */
    public String redact(String text) {
        return redact(text, kind -> { });
    }

    /**
     * The text with every secret and piece of personal data replaced by its kind, counted under {@code source}
     * (not counted when it is null).
     */
    public String redact(String source, String text) {
        return redact(text, source == null ? kind -> { } : kind -> redactions.count(source, kind));
    }

    /** The text redacted, each kind replaced told to {@code kinds} (once per replacement); nothing counted. */
    public String redact(String text, Consumer<String> kinds) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        try {
            return redactWellFormed(wellFormed(text), kinds);
        } catch (StackOverflowError e) {
            // Java's regular expressions recurse once for each repetition of some groups: a text nested that deep (a
            // value of a hundred thousand escapes) is hidden whole, neither kept unread nor failing the analysis
            kinds.accept(UNREADABLE);
            return SECRET + UNREADABLE + ">";
        }
    }

    /** The kind of a text too deep for the rules to read, hidden whole ({@link #redact(String, Consumer)}). */
    private static final String UNREADABLE = "unreadable";

    private static String redactWellFormed(String text, Consumer<String> kinds) {
        String lowerCase = text.toLowerCase(Locale.ROOT);
        Found found = new Found(kinds);
        String result = text.indexOf('\n') >= 0 && text.contains("-+") ? tableRows(text, found) : text;
        result = BoundValues.mayBind(text) || BoundValues.mayBindOnItsLine(text) ? statementValues(result, found)
                : result;
        result = text.contains(BIND_PARAMETERS) ? boundParameters(result, found) : result;
        result = lowerCase.contains("into") && lowerCase.contains("values") ? insertedLiterals(result, found) : result;
        result = text.startsWith("#") || text.contains("\n#") || text.contains("File \"")
                ? frameArguments(result, found) : result;
        for (Rule rule : RULES) {
            result = rule.mayMatch(text, lowerCase) ? apply(rule, result, true, found) : result;
        }
        result = repeated(result, found);
        result = cards(result, found);
        for (Rule rule : PERSONAL) {
            result = rule.mayMatch(text, lowerCase) ? apply(rule, result, false, found) : result;
        }
        return result;
    }

    /** How long a secret's value is at least for its repetitions in the text to go too ({@link #repeated}). */
    private static final int REPEATED_LENGTH = 8;

    /**
     * Whether a secret's value is looked for again in its text ({@link #repeated}): long enough, opening with a letter
     * or a digit, and holding both or looking random; a word ({@code password} of a manual's {@code -u
     * name:password}) would take its key's name with it.
     */
    private static boolean repeatable(String value) {
        if (value.length() < REPEATED_LENGTH || !Character.isLetterOrDigit(value.charAt(0))
                || value.indexOf('<') >= 0) {
            return false;
        }
        return value.chars().anyMatch(Character::isLetter) && value.chars().anyMatch(Character::isDigit)
                || randomLooking(value);
    }

    /**
     * The kinds a text's redaction found, told to the caller's consumer, and the secrets' values, which the text may
     * repeat where no rule reads them ({@link #repeated}).
     */
    private static final class Found implements Consumer<String> {
        private final Consumer<String> kinds;
        private Map<String, String> values;

        Found(Consumer<String> kinds) {
            this.kinds = kinds;
        }

        @Override
        public void accept(String kind) {
            kinds.accept(kind);
        }

        void secret(String kind, String value) {
            kinds.accept(kind);
            if (repeatable(value)) {
                values = values == null ? new LinkedHashMap<>() : values;
                values.putIfAbsent(value, kind);
            }
        }
    }

    /**
     * The text with each secret found elsewhere in it redacted where it stands again as a word of its own: Django's
     * SQL log repeats a statement's literals as its {@code args=[...]}, a record its request's password in the
     * message it logs about it. Only a value that looks like a secret ({@link #repeatable}) is looked for: no
     * placeholder's kind is one.
     */
    private static String repeated(String text, Found found) {
        if (found.values == null) {
            return text;
        }
        String result = text;
        for (Map.Entry<String, String> secret : found.values.entrySet()) {
            String value = secret.getKey();
            StringBuilder out = null;
            int last = 0;
            for (int at = result.indexOf(value); at >= 0; at = result.indexOf(value, at + value.length())) {
                int end = at + value.length();
                if (at > 0 && wordCharacter(result.charAt(at - 1))
                        || end < result.length() && wordCharacter(result.charAt(end))) {
                    continue;
                }
                out = out == null ? new StringBuilder(result.length()) : out;
                out.append(result, last, at).append(SECRET).append(secret.getValue()).append('>');
                last = end;
                found.accept(secret.getValue());
            }
            result = out == null ? result : out.append(result, last, result.length()).toString();
        }
        return result;
    }

    private static boolean wordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * A template redacted as a text, and each of its words that the redaction of one of its lines took away masked
     * too, as {@code <*>}. A template keeps the words its lines share, and the key before a secret is a placeholder in
     * it when glued to a part that varies (mod_log_forensic's {@code |Host:h%3a8082|Authorization:Basic x}): the
     * secret would stand in the template with nothing to say what it is.
     *
     * @param lines some of the template's lines, each as read (the key) and as redacted (the value)
     */
    public String redactTemplate(String template, Map<String, String> lines) {
        String redacted = redact(template);
        if (redacted == null || lines.isEmpty()) {
            return redacted;
        }
        StringBuilder out = new StringBuilder(redacted.length());
        Matcher part = TEMPLATE_LITERAL.matcher(redacted);
        int last = 0;
        while (part.find()) {
            String word = part.group("w");
            if (word != null && takenAway(word, lines)) {
                out.append(redacted, last, part.start()).append("<*>");
                last = part.end();
            }
        }
        return last == 0 ? redacted : out.append(redacted, last, redacted.length()).toString();
    }

    /**
     * Whether a line holds the word and its redaction does not: the word is a secret or part of one. A word of
     * punctuation alone (a cookie's semicolon, taken with the cookie) is no secret.
     */
    private static boolean takenAway(String word, Map<String, String> lines) {
        return word.chars().anyMatch(Character::isLetterOrDigit) && lines.entrySet().stream()
                .anyMatch(line -> line.getKey().contains(word) && !line.getValue().contains(word));
    }

    /**
     * The text with every lone UTF-16 surrogate (half a character, as a JSON {@code \\ud800} escape can produce)
     * replaced by U+FFFD: such a string cannot be encoded, and would abort whatever writes it. The same instance
     * when there is none.
     */
    public static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                out = out == null ? new StringBuilder(text.length()).append(text, 0, i) : out;
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Counts replacements found by {@link #redact(String, Consumer)} (a cache's hits) under {@code source}. */
    public void count(String source, String kind) {
        redactions.count(source, kind);
    }

    /** A problem whose location and reason are redacted (problems quote input). */
    public Problem redact(Problem problem) {
        String location = redact(problem.source(), problem.location());
        String reason = redact(problem.source(), problem.reason());
        return location.equals(problem.location()) && reason.equals(problem.reason()) ? problem
                : new Problem(problem.source(), location, reason);
    }

    /**
     * The text with each of the rule's matches replaced. A match the rule turns down (no secret) is looked past by a
     * character only, not by its length: it may hold a key of the next one ({@code pair: "password"="x"}, where
     * {@code pair: "password"} matches first). Whatever rule finds a secret's value, one naming where the secret comes
     * from or saying there is none ({@link #namesNoSecret}) stays.
     */
    private static String apply(Rule rule, String text, boolean secret, Found found) {
        Matcher m = rule.pattern.matcher(text);
        boolean named = rule.named;
        StringBuilder out = null;
        int last = 0;
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            int start = named ? m.start("v") : m.start();
            int end = named ? m.end("v") : m.end();
            String value = start < 0 ? null : text.substring(start, end);
            String kind = value == null || !rule.accept.test(value) || secret && namesNoSecret(value) ? null
                    : rule.kind.apply(m);
            if (kind == null) {
                from = m.start() + 1;
                continue;
            }
            from = Math.max(m.end(), m.start() + 1);
            out = out == null ? new StringBuilder(text.length()) : out;
            out.append(text, last, start).append(secret ? SECRET + kind + ">" : "<" + kind + ">");
            last = end;
            if (secret) {
                found.secret(kind, value);
            } else {
                found.accept(kind.toLowerCase(Locale.ROOT));
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * A password option of a command ({@code commands}, a pattern) on a command line, its value after a blank or
     * {@code =}, each quoted or not ({@code '-P' 'x'}, {@code --authpass=x}); with {@code pair}, the value is {@code
     * user:password} and the password goes. The command's name is looked for behind the option, so every option of
     * one command line is read; the rule runs on texts holding one of {@code triggers} (lower case).
     */
    private static Rule commandOption(String commands, String options, boolean pair, String... triggers) {
        return Rule.of("(?<=[\\s'\"])" + optionOf(commands, options, pair) + OPTION_VALUE, "password").when(triggers);
    }

    /** A command's option before its value ({@link #commandOption}): the option, then the command behind it. */
    private static String optionOf(String commands, String options, boolean pair) {
        return "(?:" + options + ")['\"]?(?:\\s+|=)['\"]?(?<=\\b(?:" + commands + ")\\b[^\\n]{0,2000})"
                + (pair ? "[^\\s:'\"<]*:" : "");
    }

    /**
     * Whether a secret's value is a reference to it ({@link #REFERENCE}: {@code ${DB_PASSWORD}}, {@code
     * $MYSQL_ROOT_PASSWORD} of a CI job's script as GitLab and GitHub print it, {@code {{resolve:ssm:x}}}) or says
     * there is none or that it was hidden ({@link #NO_SECRET}: {@code null}, Jenkins' {@code ****}).
     */
    private static boolean namesNoSecret(String value) {
        return REFERENCE.matcher(value).matches() || NO_SECRET.matcher(value).matches();
    }

    private static Rule keyed(String regex) {
        return new Rule(Pattern.compile(regex), Redactor::keyedKind,
                v -> !v.isBlank() && !AUTH_SCHEMES.contains(v.toLowerCase(Locale.ROOT)) && !isFlag(v));
    }

    /**
     * A secret's kind after its key, or null when the key is weak and the value does not look random, when it is a
     * test's verdict ({@code PASS} in capitals and a colon, as Go's {@code --- PASS: TestName (0.00s)} and automake's
     * {@code PASS: tests/cart.sh} print it) or when it is a shell's working directory.
     */
    private static String keyedKind(Matcher m) {
        String key = m.group("k");
        String assignment = m.group().substring(m.end("k") - m.start(), m.start("v") - m.start());
        if (key.equals("PASS") && assignment.indexOf(':') >= 0) {
            return null;
        }
        if (workingDirectory(key, m.group("v"))) {
            return null;
        }
        return secretKind(key, m.group("v"));
    }

    /** The kind of a key's value, or null when the key is weak and the value does not look random. */
    private static String secretKind(String key, String value) {
        return strongKey(key) || weakKey(key) && randomLooking(value) ? kindOfKey(key) : null;
    }

    /**
     * Whether a key and its value are a shell's working directory, as an environment's dump lists it ({@code PWD=/srv},
     * Tomcat's {@code Environment variable: OLDPWD = /home/bob}): a path, where ODBC's {@code PWD} is a password.
     */
    private static boolean workingDirectory(String key, String value) {
        return (key.equalsIgnoreCase("pwd") || key.equalsIgnoreCase("oldpwd"))
                && ABSOLUTE_PATH.matcher(value).matches();
    }

    /**
     * A character class's characters up to a printed line break ({@link #ESCAPED_BREAK}): one of them, not it; a
     * character that cannot open one (most) is taken without looking further.
     */
    private static String beforeBreak(String characterClass) {
        return "(?:(?!" + BREAK_HERE + ")" + characterClass + ")";
    }

    /**
     * A property's value set by a command line's option ({@code -Dkey=value}, {@code -Pkey=value}, {@code
     * --key=value}), {@code value} the pattern after the equals sign.
     */
    private static Rule commandProperty(String value) {
        return new Rule(Pattern.compile("(?<![\\w-])(?:-[DP]|--)(?<k>[A-Za-z][A-Za-z0-9_.-]{0,60})=" + value),
                Redactor::keyedKind, v -> true)
                .whenText(text -> text.indexOf('=') >= 0 && (text.contains("-D") || text.contains("-P")
                        || text.contains("--")));
    }

    /**
     * A password's kind on htpasswd's command line, or null when its options have no {@code -b} (batch mode, the
     * password an argument) or the words are not as they say: a file before the user unless {@code -n} is given.
     */
    private static String htpasswdBatch(Matcher m) {
        String options = m.group("o").replaceAll("[\\s-]", "");
        boolean toStdout = options.indexOf('n') >= 0;
        return options.indexOf('b') >= 0 && toStdout == (m.group("f") == null) ? "password" : null;
    }

    /**
     * A password's kind after IMAP's LOGIN and its user, or null when the user is a keyword in capitals: SQL's
     * {@code CREATE ROLE app LOGIN NOSUPERUSER INHERIT} is no IMAP command.
     */
    private static String imapLogin(Matcher m) {
        return m.group("u").matches("[A-Z_]{2,}") ? null : "password";
    }

    /**
     * The kind of a setting's secret ({@code key value} alone on a line), or null when its key is no strong one, or
     * is a single word and its value one too, of lower-case letters alone.
     */
    private static String settingKind(Matcher m) {
        String key = m.group("k");
        boolean word = key.chars().allMatch(Character::isLetter)
                && m.group("v").chars().allMatch(Character::isLowerCase);
        return strongKey(key) && !word ? kindOfKey(key) : null;
    }

    /**
     * Whether a key's value says only whether there is one: MySQL's and MariaDB's {@code Access denied for user
     * 'bob'@'localhost' (using password: YES)}, a setting's {@code password: false}.
     */
    private static boolean isFlag(String value) {
        String v = value.endsWith(")") ? value.substring(0, value.length() - 1) : value;
        return FLAG_WORDS.contains(v.toLowerCase(Locale.ROOT));
    }

    private static String normalised(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static boolean strongKey(String key) {
        String k = normalised(key);
        if (k.endsWith("bypass") || k.endsWith("compass") || k.endsWith("spin") || k.endsWith("pinned")
                || k.endsWith("ssid")) {
            return false;
        }
        return STRONG_KEY_ENDINGS.stream().anyMatch(k::endsWith);
    }

    /**
     * Whether the text has a run of eight base64 characters or more holding one of {@code A B C D}: every NUL byte
     * encodes as an {@code A}, or as a character of {@code A Q g w} then one of {@code A B C D}, so SASL's PLAIN
     * message ({@link #saslPlain}) is never without one. Most texts (paths, prose in lower case) have no such run.
     */
    static boolean mayHoldSaslPlain(String text) {
        int run = 0;
        boolean zeroBits = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBase64(c)) {
                run++;
                zeroBits |= c >= 'A' && c <= 'D';
                if (run >= 8 && zeroBits) {
                    return true;
                }
            } else {
                run = 0;
                zeroBits = false;
            }
        }
        return false;
    }

    /**
     * Whether the base64 text decodes to SASL's PLAIN message: an authorisation id (often empty), a NUL, a user name, a
     * NUL, a password, all UTF-8 and no other control character.
     */
    static boolean saslPlain(String value) {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return false; // no base64: a length no encoding gives, or a misplaced "="
        }
        int first = -1;
        int second = -1;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 && first < 0) {
                first = i;
            } else if (b == 0 && second < 0) {
                second = i;
            } else if (b < 0x20 || b == 0x7f) {
                return false;
            }
        }
        if (second <= first + 1 || second == bytes.length - 1) {
            return false;
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false; // bytes, not text: an id or a key that happens to decode with two zero bytes
        }
    }

    /**
     * Whether the text has two groups of two or four hex digits in a row on a line, parted by blanks: the scan before
     * the hex dump rule, which most lines fail at once.
     */
    static boolean mayHoldHexDump(String text) {
        int groups = 0;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == ' ' || c == '\t' || c == '\n') {
                boolean group = digits == 2 || digits == 4;
                if (group && ++groups == 2) {
                    return true;
                }
                if (c == '\n' || !group && digits != 0) {
                    groups = 0;
                }
                digits = 0;
            } else if (digits >= 0 && c < 128 && Character.digit(c, 16) >= 0) {
                digits++;
            } else {
                digits = -1;
            }
        }
        return false;
    }

    /**
     * Whether the text has a line that may end with a base64 word of eight characters or more (trailing blanks, a
     * quote, a printed {@code \\r\\n} and padding aside): the scan before SASL's LOGIN rule, which most lines fail.
     */
    static boolean mayEndInBase64(String text) {
        int end = text.length();
        while (end > 0) {
            int start = text.lastIndexOf('\n', end - 1) + 1;
            int i = end;
            while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
                i--;
            }
            if (i > start && (text.charAt(i - 1) == '\'' || text.charAt(i - 1) == '"')) {
                i--;
            }
            if (i - 4 >= start && text.startsWith("\\r\\n", i - 4)) {
                i -= 4;
            }
            while (i > start && text.charAt(i - 1) == '=') {
                i--;
            }
            int run = 0;
            while (i > start && isBase64(text.charAt(i - 1))) {
                i--;
                run++;
            }
            if (run >= 8 && transcriptMark(text, start, i)) {
                return true;
            }
            end = start - 1;
        }
        return false;
    }

    /**
     * Whether what stands before {@code i} on its line may come before a word the LOGIN exchange's rule reads: blanks
     * alone, an arrow's {@code >} or a quote, or a digit or a colon, then a blank.
     */
    private static boolean transcriptMark(String text, int lineStart, int i) {
        int j = i;
        while (j > lineStart && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\t')) {
            j--;
        }
        if (j == lineStart) {
            return true;
        }
        char c = text.charAt(j - 1);
        return c == '>' || c == '\'' || c == '"' || j < i && (c == ':' || c >= '0' && c <= '9');
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    /**
     * Whether the base64 word, in both cases, decodes to text of six characters or more: UTF-8, no control character, a
     * letter in it, not ending with a colon (a server's prompt: {@code UGFzc3dvcmQ6} is {@code Password:}) and no
     * CRAM-MD5 challenge ({@link #challenge}).
     */
    static boolean base64Text(String value) {
        if (value.length() % 4 != 0 || value.chars().noneMatch(Character::isUpperCase)
                || value.chars().noneMatch(Character::isLowerCase)) {
            return false;
        }
        String text = decodedText(value);
        return text != null && text.length() >= 6 && text.chars().noneMatch(Character::isISOControl)
                && text.chars().anyMatch(Character::isLetter) && !text.endsWith(":")
                && !CHALLENGE.matcher(text).matches();
    }

    /** The base64 word's bytes as UTF-8 text, or null when it is no base64 or its bytes no text. */
    private static String decodedText(String value) {
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(value);
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether the base64 word is a CRAM-MD5 server's challenge: a message id in angle brackets ({@code
     * <1896.697170952@host>}), sent in the clear, as a mail server's debug output prints it after {@code 334}.
     */
    private static boolean challenge(String value) {
        String text = value.length() % 4 == 0 ? decodedText(value) : null;
        return text != null && CHALLENGE.matcher(text).matches();
    }

    private static boolean keyMaterial(String value) {
        return randomLooking(value) && !HEX.matcher(value).matches()
                && value.chars().filter(c -> c == '/').count() * 16 <= value.length() && !challenge(value);
    }

    /**
     * Whether the key is weak: a word of {@link #WEAK_KEY_WORDS} in it, and not naming where a secret is kept or which
     * it is ({@code AWS_SHARED_CREDENTIALS_FILE}, {@code api_key_path}, {@code secrets_dir}, Azure's {@code
     * SharedAccessKeyName}), whose value is a path or a name.
     */
    private static boolean weakKey(String key) {
        String k = normalised(key);
        return WEAK_KEY_WORDS.stream().anyMatch(k::contains) && NAMING_KEY_ENDINGS.stream().noneMatch(k::endsWith);
    }

    /** The kind a key names: {@code aws_secret_access_key} an aws-key, {@code db_password} a password. */
    static String kindOfKey(String key) {
        String k = normalised(key);
        if (k.contains("aws") || k.startsWith("xamz")) {
            return k.contains("signature") ? "signature" : "aws-key";
        }
        if (k.contains("pass") || k.endsWith("pwd") || k.endsWith("pw") || k.endsWith("pin")) {
            return "password";
        }
        if (k.contains("signature") || k.endsWith("sig")) {
            return "signature";
        }
        if (k.contains("session") || k.endsWith("sid") || k.endsWith("sessid")) {
            return "session";
        }
        if (k.contains("cookie")) {
            return "cookie";
        }
        if (k.contains("privatekey")) {
            return "private-key";
        }
        if (k.contains("credential")) {
            return "credential";
        }
        if (k.contains("token") || k.contains("auth")) {
            return "token";
        }
        if (k.contains("secret") || k.endsWith("psk")) {
            return "secret";
        }
        return "api-key";
    }

    /**
     * Whether a value looks generated rather than written: at least 12 characters of a token alphabet, letters with
     * digits or both cases, and switching between character classes as random strings do (a third of the time or
     * more; {@code user-profile-12345} switches four times in 18, {@code 8f2kQ9zLm3Xw} nearly every time).
     */
    public static boolean randomLooking(String value) {
        if (value.length() < 12 || !value.matches("[A-Za-z0-9._~+/=-]+")) {
            return false;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        int switches = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            if (i > 0 && charClass(c) != charClass(value.charAt(i - 1))) {
                switches++;
            }
        }
        boolean mixed = (lower || upper) && (digit || lower && upper);
        return mixed && switches * 10 >= (value.length() - 1) * 3 && entropyBitsPerChar(value) >= 3;
    }

    private static int charClass(char c) {
        return Character.isDigit(c) ? 0 : Character.isUpperCase(c) ? 1 : Character.isLowerCase(c) ? 2 : 3;
    }

    private static double entropyBitsPerChar(String value) {
        int[] counts = new int[128];
        for (int i = 0; i < value.length(); i++) {
            counts[value.charAt(i) & 127]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / value.length();
                bits -= p * Math.log(p) / Math.log(2);
            }
        }
        return bits;
    }

    /** What opens PostgreSQL's list of a statement's parameters ({@link #boundParameters}). */
    private static final String BIND_PARAMETERS = "parameters: $";

    /** A column compared with a statement's parameter ({@code au1_0.password=$2}, {@code "token" = $1}). */
    private static final Pattern COMPARED_COLUMN = Pattern.compile(
            "(?<!\\w)(?<c>[A-Za-z_]\\w{0,60}+)\"?\\s*(?:=|<>|!=|(?i:like|ilike)\\s)\\s*\\$(?<n>\\d{1,4})(?!\\d)");

    /**
     * An insert's columns ({@code insert into users (name, "password")}, MySQL's {@code replace into}, {@code insert
     * ignore into}), the rows of its values following ({@link #insertedRows}).
     */
    static final Pattern INSERTED_COLUMNS = Pattern.compile("(?i)\\b(?:insert|replace)\\s+(?:ignore\\s+)?"
            + "into\\s+[\\w.\"`\\[\\]]{1,200}\\s*\\((?<c>[^()]{1,10000})\\)\\s*values\\s*(?=\\()");

    /** A statement's parameter in PostgreSQL's form, {@code $2}. */
    private static final Pattern NUMBERED_PARAMETER = Pattern.compile("\\$\\d{1,4}");

    /** A parameter's number and what follows its equals sign in PostgreSQL's list ({@code $2 = 'x'}). */
    private static final Pattern PARAMETER = Pattern.compile("\\$(?<n>\\d{1,4}) = ");

    /**
     * PostgreSQL's log of a prepared statement's parameters ({@code log_statement}, {@code
     * log_min_duration_statement}): the statement, then {@code DETAIL:  parameters: $1 = 'bob', $2 = 'x'} on the
     * record's next line. A parameter's value is a secret when the statement before the list compares it with, or
     * inserts it into, a column whose name is a key naming one ({@code au1_0.password=$2}, {@code insert into users
     * (name,password) values ($1,$2)}); the names of the other columns keep theirs.
     */
    private static String boundParameters(String text, Found found) {
        StringBuilder out = null;
        int last = 0;
        int statement = 0;
        for (int list = text.indexOf(BIND_PARAMETERS); list >= 0; list = text.indexOf(BIND_PARAMETERS, list + 1)) {
            Map<String, String> columns = parameterColumns(text.substring(statement, list));
            Matcher p = PARAMETER.matcher(text);
            int at = list + BIND_PARAMETERS.length() - 1;
            while (p.region(at, text.length()).lookingAt()) {
                int open = p.end();
                if (open >= text.length() || text.charAt(open) != '\'') {
                    at = text.startsWith("NULL, ", open) ? open + "NULL, ".length() : text.length();
                    continue;
                }
                int close = closingQuote(text, open + 1);
                String column = columns.get(p.group("n"));
                String kind = column == null || close == open + 1 ? null
                        : secretKind(column, text.substring(open + 1, close));
                if (kind != null) {
                    out = out == null ? new StringBuilder(text.length()) : out;
                    out.append(text, last, open + 1).append(SECRET).append(kind).append('>');
                    last = close;
                    found.secret(kind, text.substring(open + 1, close));
                }
                at = text.startsWith(", ", close + 1) ? close + 3 : text.length();
            }
            statement = list;
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * The values a text binds to the statement it printed before them, redacted where their column is a secret's:
     * SQLAlchemy's error ({@code [SQL: INSERT INTO users (name, password) VALUES (?, ?)]} then {@code [parameters:
     * ('bob', 'x')]}), EclipseLink's {@code bind => [bob, x]} under its statement.
     */
    private static String statementValues(String text, Found found) {
        List<BoundValues.Bound> bound = BoundValues.bound(text, true);
        if (bound.isEmpty()) {
            return text;
        }
        String before = text.substring(0, bound.get(0).start());
        List<String> results = BoundValues.resultColumns(before);
        return boundValues(text, bound, BoundValues.parameterColumns(before),
                results != null ? results : BoundValues.selectedColumns(before), found);
    }

    /**
     * The rows of the text tables a record prints on lines of its own (MySQL's client with {@code -t} under a
     * script's line): a cell under a column named for a secret goes ({@link TextTable}).
     */
    private static String tableRows(String text, Found found) {
        TextTable table = new TextTable();
        List<BoundValues.Bound> cells = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int line = 0; line < text.length(); ) {
            if (table.open() || TextTable.mayBeBorder(text, line) || TextTable.mayBeRule(text, line)) {
                List<BoundValues.Bound> row = table.read(text, line);
                for (BoundValues.Bound cell : row == null ? List.<BoundValues.Bound>of() : row) {
                    columns.add(table.header().get(cell.place() - 1));
                    cells.add(new BoundValues.Bound(columns.size(), cell.start(), cell.end(), true));
                }
            }
            int next = text.indexOf('\n', line);
            line = next < 0 ? text.length() : next + 1;
        }
        return cells.isEmpty() ? text : boundValues(text, cells, null, columns, found);
    }

    /**
     * The values a text binds to a statement that a record before it printed, or the rows of a result whose columns
     * one named, redacted where their column is a secret's ({@link BoundStatements}); counted under {@code source}.
     */
    String redactBound(String source, String text, List<BoundValues.Bound> bound, List<String> parameters,
            List<String> results) {
        return bound.isEmpty() ? text
                : boundValues(text, bound, parameters, results, new Found(kind -> redactions.count(source, kind)));
    }

    private static String boundValues(String text, List<BoundValues.Bound> bound, List<String> parameters,
            List<String> results, Found found) {
        StringBuilder out = null;
        int last = 0;
        for (BoundValues.Bound value : bound) {
            List<String> columns = value.row() ? results : parameters;
            String column = columns == null || value.place() < 1 || value.place() > columns.size() ? null
                    : columns.get(value.place() - 1);
            String literal = text.substring(value.start(), value.end());
            String kind = column == null || literal.isEmpty() || value.start() < last || namesNoSecret(literal)
                    ? null : secretKind(column, literal);
            if (kind != null) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, last, value.start()).append(SECRET).append(kind).append('>');
                last = value.end();
                found.secret(kind, literal);
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** The column each parameter of a statement is compared with or inserted into, by the parameter's number. */
    private static Map<String, String> parameterColumns(String statement) {
        Map<String, String> columns = new HashMap<>();
        Matcher compared = COMPARED_COLUMN.matcher(statement);
        while (compared.find()) {
            columns.put(compared.group("n"), compared.group("c"));
        }
        Matcher insert = INSERTED_COLUMNS.matcher(statement);
        if (insert.find()) {
            List<String> names = columnNames(insert.group("c"));
            for (List<Value> row : insertedRows(statement, insert.end())) {
                for (int i = 0; i < Math.min(names.size(), row.size()); i++) {
                    String value = statement.substring(row.get(i).start(), row.get(i).end());
                    if (NUMBERED_PARAMETER.matcher(value).matches()) {
                        columns.put(value.substring(1), names.get(i));
                    }
                }
            }
        }
        return columns;
    }

    /**
     * The literals an insert puts into a secret's column, as a log of the statements run prints them (MySQL's and
     * MariaDB's general log, PostgreSQL's {@code log_statement} of a simple query, Django's SQL log): {@code insert
     * into users (name,password) values ('bob','x')}. A literal is one in quotes; a number, a function's call or a
     * parameter is no secret here.
     */
    private static String insertedLiterals(String text, Found found) {
        StringBuilder out = null;
        int last = 0;
        Matcher insert = INSERTED_COLUMNS.matcher(text);
        while (insert.find()) {
            List<String> names = columnNames(insert.group("c"));
            for (List<Value> row : insertedRows(text, insert.end())) {
                for (int i = 0; i < Math.min(names.size(), row.size()); i++) {
                    int start = row.get(i).start();
                    int end = row.get(i).end();
                    String kind = row.get(i).literal() && end > start && start >= last
                            ? secretKind(names.get(i), text.substring(start, end)) : null;
                    if (kind != null) {
                        out = out == null ? new StringBuilder(text.length()) : out;
                        out.append(text, last, start).append(SECRET).append(kind).append('>');
                        last = end;
                        found.secret(kind, text.substring(start, end));
                    }
                }
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * A PHP stack trace's frame calling a function or method ({@code #1 /app/db.php(12): connectDb('app', 'x',
     * Array)}, {@code Connector->createPdoConnection(...)}, {@code #0 [internal function]: login(...)}): its class,
     * its name and the opening of its arguments.
     */
    private static final Pattern PHP_FRAME = Pattern.compile("(?m)^#\\d{1,4} (?:[^\\n(]*+\\(\\d{1,9}\\)"
            + "|\\[internal function]): (?:(?<c>[\\w\\\\]{1,300}+)(?:->|::))?(?<f>[A-Za-z_]\\w{0,100}+)(?=\\()");

    /** The words of a function's name saying its arguments hold a credential ({@link #frameArguments}). */
    private static final Pattern CREDENTIAL_CALL = Pattern.compile(
            "(?i)connect|login|logon|signin|auth|passw|secret|credential|token|bind");

    /**
     * A Python traceback's frame and the source line it prints under it ({@code File "/app/db.py", line 7, in main},
     * then {@code     conn = pymysql.connect("db", "bob", "x")}): the line's text.
     */
    private static final Pattern PYTHON_FRAME = Pattern.compile("(?m)^[ \\t]*File \"[^\"\\n]{1,1000}+\", line "
            + "\\d{1,9}, in [^\\n]{1,300}+\\n[ \\t]++(?<source>[^\\n]{1,2000}+)");

    /** A call in Python's source: its dotted name's last part, before the opening of its arguments. */
    private static final Pattern PYTHON_CALL = Pattern.compile("(?<![\\w.])(?:[A-Za-z_]\\w{0,100}+\\.){0,10}+"
            + "(?<f>[A-Za-z_]\\w{0,100}+)\\(");

    /**
     * The credentials among the arguments a stack trace prints of a call named for one. PHP's frames, with {@code
     * zend.exception_ignore_args} off as in development: every quoted argument but the first of a call whose name
     * speaks of a credential ({@code connectDb('app', 'x', Array)}, {@code ldap_bind(Object(LDAP\Connection),
     * 'cn=admin', 'x')}; the first is a user, a host, a DSN or a URL, and stays), and the third of PDO's and mysqli's
     * constructors, their password ({@code PDO->__construct('mysql:host=db', 'root', 'x')}); PHP cuts a long argument
     * short ({@code 'x-long-passw...'}), and what it kept goes. Python's frames print their source line, and a
     * credential call's string literals passed by position but the first go ({@code server.login("bob", "x")}).
     */
    private static String frameArguments(String text, Found found) {
        List<Value> credentials = new ArrayList<>();
        phpCredentials(text, credentials);
        pythonCredentials(text, credentials);
        credentials.sort(java.util.Comparator.comparingInt(Value::start));
        StringBuilder out = null;
        int last = 0;
        for (Value argument : credentials) {
            if (argument.end() > argument.start() && argument.start() >= last) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, last, argument.start()).append(SECRET).append("credential>");
                last = argument.end();
                found.secret("credential", text.substring(argument.start(), argument.end()));
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static void phpCredentials(String text, List<Value> credentials) {
        Matcher frame = PHP_FRAME.matcher(text);
        while (frame.find()) {
            String owner = frame.group("c") == null ? "" : frame.group("c");
            boolean constructor = frame.group("f").equals("__construct")
                    && (owner.equals("PDO") || owner.equals("mysqli"));
            if (!constructor && !CREDENTIAL_CALL.matcher(frame.group("f")).find()) {
                continue;
            }
            List<List<Value>> calls = insertedRows(text, frame.end());
            List<Value> arguments = calls.isEmpty() ? List.of() : calls.get(0);
            int from = Math.min(constructor ? 2 : 1, arguments.size());
            int to = constructor ? Math.min(3, arguments.size()) : arguments.size();
            arguments.subList(from, to).stream().filter(Value::literal).forEach(credentials::add);
        }
    }

    private static void pythonCredentials(String text, List<Value> credentials) {
        Matcher frame = PYTHON_FRAME.matcher(text);
        while (frame.find()) {
            Matcher call = PYTHON_CALL.matcher(text).region(frame.start("source"), frame.end("source"));
            while (call.find()) {
                if (CREDENTIAL_CALL.matcher(call.group("f")).find()) {
                    List<Value> arguments = pythonArguments(text, call.end(), frame.end("source"));
                    arguments.subList(Math.min(1, arguments.size()), arguments.size()).stream()
                            .filter(Value::literal).forEach(credentials::add);
                }
            }
        }
    }

    /**
     * The arguments of a Python call from its opening bracket's next character to {@code end} (its source line's):
     * a string literal alone ({@code "x"}, {@code b'x'}, backslash escapes read) is a literal, inside its quotes (a
     * keyword's, {@code password="x"}, is not: the keyed rules read it); an argument cut by the line's end ends there.
     */
    static List<Value> pythonArguments(String text, int from, int end) {
        List<Value> arguments = new ArrayList<>();
        int i = from;
        while (i < end) {
            int start = skipBlanks(text, i);
            int stop = argumentEnd(text, start, end);
            int open = start;
            while (open < stop && open - start < 2 && "rRbBuU".indexOf(text.charAt(open)) >= 0) {
                open++;
            }
            char quote = open < stop ? text.charAt(open) : ' ';
            int close = quote == '"' || quote == '\'' ? stringEnd(text, open + 1, quote, stop) : -1;
            boolean literal = close > open && skipBlanks(text, close + 1) == stop;
            arguments.add(literal ? new Value(open + 1, close, true) : new Value(start, stop, false));
            if (stop >= end || text.charAt(stop) != ',') {
                break;
            }
            i = stop + 1;
        }
        return arguments;
    }

    /** Where a Python argument ends: at a comma or a closing bracket outside its own brackets and strings. */
    private static int argumentEnd(String text, int from, int end) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = Math.min(stringEnd(text, i + 1, c, end), end - 1);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth-- == 0 || c == ',' && depth == 0) {
                return i;
            }
        }
        return end;
    }

    /** Where a Python string opened before {@code from} closes: its next {@code quote} not escaped, or {@code end}. */
    static int stringEnd(String text, int from, char quote, int end) {
        int i = from;
        while (i < end && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, end);
    }

    /** An insert's column names, their quotes ({@code "}, MySQL's {@code `}, SQL Server's brackets) taken off. */
    static List<String> columnNames(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            names.add(name.strip().replaceAll("[\"`\\[\\]]", ""));
        }
        return names;
    }

    /** A value of an insert's row: where it starts and ends in the text, a literal's inside its quotes. */
    record Value(int start, int end, boolean literal) {
    }

    /**
     * The values of the rows an insert lists from {@code at} on ({@code ('bob', 's3 cret', now()), ($1, $2)}); a row
     * cut short by the text's end ends there.
     */
    static List<List<Value>> insertedRows(String text, int at) {
        List<List<Value>> rows = new ArrayList<>();
        int i = at;
        while (i < text.length() && text.charAt(i) == '(') {
            List<Value> row = new ArrayList<>();
            rows.add(row);
            char next;
            do {
                int start = skipBlanks(text, i + 1);
                boolean quoted = start < text.length() && text.charAt(start) == '\'';
                int end = quoted ? closingQuote(text, start + 1) : valueEnd(text, start);
                row.add(quoted ? new Value(start + 1, end, true) : new Value(start, end, false));
                i = skipBlanks(text, quoted ? end + 1 : end);
                next = i < text.length() ? text.charAt(i) : ')';
            } while (next == ',');
            if (next != ')') {
                break;
            }
            i = skipBlanks(text, i + 1);
            i = i < text.length() && text.charAt(i) == ',' ? skipBlanks(text, i + 1) : text.length();
        }
        return rows;
    }

    /** Where a value not in quotes ends: at a comma or a round bracket outside its own brackets and literals. */
    private static int valueEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = closingQuote(text, i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0 || c == ',' && depth == 0 || c == '\n') {
                return i;
            }
        }
        return text.length();
    }

    static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Where a quoted SQL literal opened before {@code from} closes: its next quote not doubled, or the text's end. */
    static int closingQuote(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length();
    }

    private static String cards(String text, Consumer<String> kinds) {
        Matcher m = CARD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String run = m.group();
            String digits = run.replace(" ", "").replace("-", "");
            if (digits.length() >= 13 && digits.length() <= 19 && digits.charAt(0) != '0' && luhn(digits)
                    && groupedAsCard(run) && !isEpochStamp(run)) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, last, m.start()).append("<CARD>");
                last = m.end();
                kinds.accept("card");
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** How card numbers are written in groups: four fours, four fours and three, American Express's, Diners'. */
    private static final List<List<Integer>> CARD_GROUPS = List.of(List.of(4, 4, 4, 4), List.of(4, 4, 4, 4, 3),
            List.of(4, 6, 5), List.of(4, 6, 4));

    /**
     * Whether {@code run} is written as card numbers are: digits alone, or in the groups card networks print
     * ({@link #CARD_GROUPS}) between spaces or dashes. HDFS's header {@code 081109 203518 143} (a date, a time and a
     * thread's number) passes the Luhn check now and then; its groups are no card's.
     */
    static boolean groupedAsCard(String run) {
        String[] groups = run.split("[ -]");
        if (groups.length == 1) {
            return true;
        }
        List<Integer> lengths = new ArrayList<>(groups.length);
        for (String group : groups) {
            lengths.add(group.length());
        }
        return CARD_GROUPS.contains(lengths);
    }

    /** An epoch's milliseconds from 2000-01-01 to before 2055-01-01, as {@link #isEpochStamp} reads thirteen digits. */
    private static final long FIRST_EPOCH_MILLI = 946_684_800_000L;
    private static final long END_EPOCH_MILLI = 2_682_374_400_000L;

    /**
     * Whether {@code run}, digits without a space or dash, is an epoch's stamp rather than a card's number: thirteen
     * digits of milliseconds from 2000 to 2055 ({@code createTime=1796543505184}), or sixteen or nineteen opening
     * with a 1 (microseconds, nanoseconds). No card network issues such numbers: thirteen-digit cards are Visa's,
     * opening with 4, and cards of sixteen or nineteen digits open with 2 to 6.
     */
    static boolean isEpochStamp(String run) {
        for (int i = 0; i < run.length(); i++) {
            if (run.charAt(i) < '0' || run.charAt(i) > '9') {
                return false;
            }
        }
        if (run.length() == 13) {
            long millis = Long.parseLong(run);
            return millis >= FIRST_EPOCH_MILLI && millis < END_EPOCH_MILLI;
        }
        return (run.length() == 16 || run.length() == 19) && run.charAt(0) == '1';
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
