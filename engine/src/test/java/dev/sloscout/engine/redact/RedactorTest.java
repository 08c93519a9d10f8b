package dev.sloscout.engine.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sloscout.engine.model.Problem;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "mail sent to jane.doe+x@example.co.uk today => mail sent to <EMAIL> today",
        "client 192.168.10.7 connected => client <IP> connected",
        "peer fe80::1ff:fe23:4567:890a up => peer <IP> up",
        "range 2001:db8::10-2001:db8::20 => range <IP>-<IP>",
        "peer 2026::15:20:43 up (no date before it) => peer <IP> up (no date before it)",
        "paid with 4111 1111 1111 1111 ok => paid with <CARD> ok",
        "paid with 4111111111119 ok => paid with <CARD> ok",
        "paid with 2221000000000009 ok => paid with <CARD> ok",
        "card_no: 4111111111111111, charged => card_no: <CARD>, charged",
        "amex 3782-822463-10005 on file => amex <CARD> on file",
        "ssn 123-45-6789 on file => ssn <SSN> on file",
        "Authorization: Bearer abcDEF123456789xyz => Authorization: Bearer <SECRET:token>",
        "Authorization: Basic dXNlcjpwYXNzd29yZA== => Authorization: Basic <SECRET:token>",
        "-   ReqHeader      Authorization: Bearer abc.def => -   ReqHeader      Authorization: Bearer <SECRET:token>",
        "authorization: basic YWI6Yw== => authorization: basic <SECRET:token>",
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U => token <SECRET:jwt>",
        "cut eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx => cut <SECRET:jwt>",
        "login user=bob password=hunter2 ok => login user=bob password=<SECRET:password> ok",
        "{\"user\":\"bob\",\"password\":\"s3cr3t\"} => {\"user\":\"bob\",\"password\":\"<SECRET:password>\"}",
        "using api_key=AbC123xyz for call => using api_key=<SECRET:api-key> for call",
        "key AKIAIOSFODNN7EXAMPLE leaked => key <SECRET:aws-key> leaked",
        "temporary ASIAY34FZKBOKMUTVV7A used => temporary <SECRET:aws-key> used",
        "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY => aws_secret_access_key=<SECRET:aws-key>",
        "stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc => stripe <SECRET:api-key>",
        "run --password hunter2 now => run --password <SECRET:password> now",
        "run --token=Zx81kq0PaL now => run --token=<SECRET:token> now",
        "Setting --password (password) to s3cret-pw => Setting --password (password) to <SECRET:password>",
        "exec mysql -u root -pHunter2x shop => exec mysql -u root -p<SECRET:password> shop",
        "env PGPASSWORD=hunter2 psql => env PGPASSWORD=<SECRET:password> psql",
        "the new password is Tr0ub4dor => the new password is <SECRET:password>",
        "Password for 'SuperUser' set to 'zKG6DkJQzSaZ' => Password for 'SuperUser' set to '<SECRET:password>'",
        "the password is ab'cd now => the password is <SECRET:password> now",
        "Auth: (4) Login incorrect (No Auth-Type found): [bob/hunter2] (from client vpn port 0) => "
                + "Auth: (4) Login incorrect (No Auth-Type found): [bob/<SECRET:password>] (from client vpn port 0)",
        "Auth: (0) Login OK: [bob/s3cr3t x] (from client vpn port 0) => "
                + "Auth: (0) Login OK: [bob/<SECRET:password>] (from client vpn port 0)",
        "cache redis://:s3cretpw@cache:6379/0 => cache redis://:<SECRET:password>@cache:6379/0",
        "db postgres://app:p4ss@db/shop => db postgres://app:<SECRET:password>@db/shop",
        "pat github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyz => pat <SECRET:github-token>",
        "ghp ghp_abcdefghijklmnopqrstuvwxyz0123456789 => ghp <SECRET:github-token>",
        "Cookie: JSESSIONID=1A2B3C4D5E; theme=dark => Cookie: <SECRET:cookie>",
        "values: {'username': ['bob'], 'password': ['s3 cret'], 'api_key': [\"k3yAbc123def456\", 'x']} => "
                + "values: {'username': ['bob'], 'password': ['<SECRET:password>'], "
                + "'api_key': [\"<SECRET:api-key>\", 'x']}",
        "form: ImmutableMultiDict([('username', 'bob'), ('password', 's3 cret'), ('remember', '1')]) => "
                + "form: ImmutableMultiDict([('username', 'bob'), ('password', '<SECRET:password>'), "
                + "('remember', '1')])",
        "[(b'X-Api-Key', b'k3yAbc123def456'), (\"theme\", \"dark\")] => "
                + "[(b'X-Api-Key', b'<SECRET:api-key>'), (\"theme\", \"dark\")]",
        "connecting with [{host,\"db\"}, {username,<<\"bob\">>}, {password,<<\"s3 cret\">>}, {port,5432}] => "
                + "connecting with [{host,\"db\"}, {username,<<\"bob\">>}, {password,<<\"<SECRET:password>\">>}, "
                + "{port,5432}]",
        "[{\"password\",\"s3 cret\"},{api_key,\"k3yAbc123def456\"}] => "
                + "[{\"password\",\"<SECRET:password>\"},{api_key,\"<SECRET:api-key>\"}]",
        "form: map[api_key:[k3yAbc123def456] password:[Pg-s3cret!] username:[bob]] => "
                + "form: map[api_key:[<SECRET:api-key>] password:[<SECRET:password>] username:[bob]]",
        "headers: map[Authorization:[Basic Ym9iOmZvcmVuc2ljcHc=] Cookie:[sid=abc123] Content-Length:[35]] => "
                + "headers: map[Authorization:[Basic <SECRET:token>] Cookie:[<SECRET:cookie>] Content-Length:[35]]",
        "saving DataSourceConfig(url=jdbc:h2:mem:app, username=app, password=Pg-s3cret!) for app => "
                + "saving DataSourceConfig(url=jdbc:h2:mem:app, username=app, password=<SECRET:password>) for app",
        "User(name=bob, apiKey=k3yAbc123def456), password=ab)cd, secret=f(x) => "
                + "User(name=bob, apiKey=<SECRET:api-key>), password=<SECRET:password>, secret=<SECRET:secret>",
        "token: k3yAbc123def456 not yet used; password: Hunter2 for bob; secret: failure => "
                + "token: <SECRET:token> not yet used; password: <SECRET:password> for bob; secret: <SECRET:secret>",
        "password := \"s3 cret\"; DB_TOKEN := k3yAbc123def456 => "
                + "password := \"<SECRET:password>\"; DB_TOKEN := <SECRET:token>",
        "wire - http-outgoing-0 >> \"Authorization: Basic Ym9iOmZvcmVuc2ljcHc=[\\r][\\n]\" => "
                + "wire - http-outgoing-0 >> \"Authorization: Basic <SECRET:token>[\\r][\\n]\"",
        "wire - http-outgoing-1 << \"Set-Cookie: sid=abc123; Path=/; HttpOnly[\\r][\\n]\" => "
                + "wire - http-outgoing-1 << \"Set-Cookie: <SECRET:cookie>[\\r][\\n]\"",
        "+aXb|GET /r HTTP/1.1|Host:shop%3a80|Authorization:Basic Ym9iOmZvcmVuc2ljcHc=|Accept:*/* => "
                + "+aXb|GET /r HTTP/1.1|Host:shop%3a80|Authorization:Basic <SECRET:token>|Accept:*/*",
        "http header: \"Cookie: sid=abc123; theme=dark\" => http header: \"Cookie: <SECRET:cookie>\"",
        "After request [GET /a, headers=[cookie:\"sid=abc123; theme=dark\", accept:\"*/*\"]] => "
                + "After request [GET /a, headers=[cookie:\"<SECRET:cookie>\", accept:\"*/*\"]]",
        "Headers { Cookie: 'sid=abc123; theme=dark', Accept: '*/*' } => "
                + "Headers { Cookie: '<SECRET:cookie>', Accept: '*/*' }",
        "+ curl -H 'Cookie: sid=abc123' -H 'Accept: */*' https://shop => "
                + "+ curl -H 'Cookie: <SECRET:cookie>' -H 'Accept: */*' https://shop",
        "GET / 200 \"{\\x22user\\x22:\\x22bob\\x22,\\x22password\\x22:\\x22ngx-pw\\x22}\" => "
                + "GET / 200 \"{\\x22user\\x22:\\x22bob\\x22,\\x22password\\x22:\\x22<SECRET:password>\\x22}\"",
        "{\"body\":\"{\\u0022api_key\\u0022: \\u0022net-key\\u0022}\"} => "
                + "{\"body\":\"{\\u0022api_key\\u0022: \\u0022<SECRET:api-key>\\u0022}\"}",
        "set session=8f2kQ9zLm3 for user => set session=<SECRET:session> for user",
        "secret_key: Hunter2 => secret_key: <SECRET:secret>",
        "url ?X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027 => url ?X-Amz-Signature=<SECRET:signature>",
        "-----BEGIN RSA PRIVATE KEY-----MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX-----END RSA PRIVATE KEY----- tail => <SECRET:private-key> tail",
        "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj => <SECRET:key-material>",
        "10:00:01 INFO app: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7 => 10:00:01 INFO app: <SECRET:key-material>",
        "template <NUM> ms from <IP> => template <NUM> ms from <IP>",
        "121:     option auth.login.4f05aba7-9b01-4d4d-bca2-4a837c3bef85.password baf0c777-a1b4-4170-acf6 => "
                + "121:     option auth.login.4f05aba7-9b01-4d4d-bca2-4a837c3bef85.password <SECRET:password>",
        "requirepass s3cretpw => requirepass <SECRET:password>",
        "LOG:  statement: CREATE ROLE bob WITH LOGIN PASSWORD 'hunter2'; => "
                + "LOG:  statement: CREATE ROLE bob WITH LOGIN PASSWORD '<SECRET:password>';",
        "ALTER USER bob PASSWORD 'it''s 2' VALID UNTIL '2027-01-01' => "
                + "ALTER USER bob PASSWORD '<SECRET:password>' VALID UNTIL '2027-01-01'",
        "statement: ALTER ROLE bob ENCRYPTED PASSWORD 'cut at the e => "
                + "statement: ALTER ROLE bob ENCRYPTED PASSWORD '<SECRET:password>",
        "GRANT ALL ON db.* TO 'bob'@'%' IDENTIFIED BY 'hunter2' => "
                + "GRANT ALL ON db.* TO 'bob'@'%' IDENTIFIED BY '<SECRET:password>'",
        "CREATE USER 'u'@'h' IDENTIFIED WITH mysql_native_password BY 'pw' => "
                + "CREATE USER 'u'@'h' IDENTIFIED WITH mysql_native_password BY '<SECRET:password>'",
        "SET PASSWORD FOR 'bob'@'localhost' = PASSWORD('pw') => "
                + "SET PASSWORD FOR 'bob'@'localhost' = PASSWORD('<SECRET:password>')",
        "SET PASSWORD FOR 'bob'@'localhost' = 'pw' => SET PASSWORD FOR 'bob'@'localhost' = '<SECRET:password>'",
        "CREATE USER 'bob'@'%' IDENTIFIED BY \"hun'ter2\" => CREATE USER 'bob'@'%' IDENTIFIED BY \"<SECRET:password>\"",
        "statement: ALTER ROLE bob PASSWORD $$hun'ter2$$ VALID UNTIL 'infinity' => "
                + "statement: ALTER ROLE bob PASSWORD $$<SECRET:password>$$ VALID UNTIL 'infinity'",
        "CREATE ROLE app LOGIN PASSWORD $pw$a$$b$pw$; => CREATE ROLE app LOGIN PASSWORD $pw$<SECRET:password>$pw$;",
        "parameters [\"rclone\" \"--s3-secret-access-key\" \"sh0rt-s3cret\" \"lsd\"] => "
                + "parameters [\"rclone\" \"--s3-secret-access-key\" \"<SECRET:secret>\" \"lsd\"]",
        "args=['--db-password', 'pw1'] => args=['--db-password', '<SECRET:password>']",
        "exec app --client-secret=abc --api-key k1 => "
                + "exec app --client-secret=<SECRET:secret> --api-key <SECRET:api-key>",
        "(root) CMD ([32575] sshpass -p 'ssh-pw-1' ssh bob@h true) => "
                + "(root) CMD ([32575] sshpass -p '<SECRET:password>' ssh bob@h true)",
        "(root) CMD ([32578] sshpass -v -pssh-pw-2 scp a bob@h:/tmp/) => "
                + "(root) CMD ([32578] sshpass -v -p<SECRET:password> scp a bob@h:/tmp/)",
        "(root) CMD ([32568] lftp -u bob,lftp-pw-3 -e 'ls; bye' ftp://h:9) => "
                + "(root) CMD ([32568] lftp -u bob,<SECRET:password> -e 'ls; bye' ftp://h:9)",
        "+ smbclient //h/share -U 'CORP\\bob%smb-pw-4' -c ls => "
                + "+ smbclient //h/share -U 'CORP\\bob%<SECRET:password>' -c ls",
        "exec curl -s -u admin:s3cret http://h/ => exec curl -s -u admin:<SECRET:password> http://h/",
        "curl --proxy-user=admin:s3cret http://h/ => curl --proxy-user=admin:<SECRET:password> http://h/",
        "005: auth: user:pass => 005: auth: user:<SECRET:password>",
        "proxy_auth=admin:pw123 ok => proxy_auth=admin:<SECRET:password> ok",
        "  db_password hunter => "
                + "  db_password <SECRET:password>",
        "auth: Debug: client in: AUTH\t1\tPLAIN\tservice=imap\tresp=AGRhdmUAbm90LXB3MTIzeA== (previous base64 => "
                + "auth: Debug: client in: AUTH\t1\tPLAIN\tservice=imap\tresp=<SECRET:password> (previous base64",
        "WHERE \"users\".\"token\" = ? [[\"name\", \"bob\"], [\"password\", \"pw 1\"], [\"api_token\", \"rb-tok\"]] => "
                + "WHERE \"users\".\"token\" = ? [[\"name\", \"bob\"], [\"password\", \"<SECRET:password>\"], "
                + "[\"api_token\", \"<SECRET:token>\"]]",
        "binds [['password', 'x-pw'], ['LIMIT', 1]] => binds [['password', '<SECRET:password>'], ['LIMIT', 1]]",
        "smtpd: < AUTH PLAIN Ym9zcwBib2IAaHVudGVyMg => smtpd: < AUTH PLAIN <SECRET:password>",
        "[Field error in object 'u' on field 'password': rejected value [pw] x]; codes [Size.u.password]; "
                + "default message [size]] => [Field error in object 'u' on field 'password': rejected value "
                + "[<SECRET:password>]; codes [Size.u.password]; default message [size]]",
        "CREATE USER carol IDENTIFIED BY ora_pw4; ALTER ROLE c##app IDENTIFIED BY ora_pw5 => "
                + "CREATE USER carol IDENTIFIED BY <SECRET:password>; "
                + "ALTER ROLE c##app IDENTIFIED BY <SECRET:password>",
        "\"GET /graphql?variables=%7B%22password%22%3A%22gql-pw7%22%7D HTTP/1.1\" 200 => "
                + "\"GET /graphql?variables=%7B%22password%22%3A%22<SECRET:password>%22%7D HTTP/1.1\" 200",
        "auth: client in: CONT\t2\taHVudGVyMg== (previous base64 data may contain sensitive data) => "
                + "auth: client in: CONT\t2\t<SECRET:password> (previous base64 data may contain sensitive data)",
        "passwd-file(dave,<x>): PLAIN(not-pw123x) != 'pw123' => "
                + "passwd-file(dave,<x>): PLAIN(<SECRET:password>) != '<SECRET:password>'",
        "SHA512-CRYPT(hunter2) != '$6$salt$hash' => SHA512-CRYPT(<SECRET:password>) != '<SECRET:password>'",
        "headers={'X-Amz-Date': b'20261207T050709Z', 'X-Amz-Security-Token': b'FwoGZXIvYXdzEXAMPLE'} => "
                + "headers={'X-Amz-Date': b'20261207T050709Z', 'X-Amz-Security-Token': b'<SECRET:aws-key>'}",
        "{\"password\": u\"hunter2\"} => {\"password\": u\"<SECRET:password>\"}",
        "NOISE cstr_get_pair: \"password\"=\"app-s3cret\" => NOISE cstr_get_pair: \"password\"=\"<SECRET:password>\"",
        "  32:23.08 > b'JOLI1 LOGIN pyimap \"imap-pw-1\"' => 32:23.08 > b'JOLI1 LOGIN pyimap \"<SECRET:password>\"'",
        "> b'FBHC1 LOGIN quoted \"quo ted\\\\\"pw\"' => > b'FBHC1 LOGIN quoted \"<SECRET:password>\"'",
        "> b'PJKL2 LOGIN bob hunter2\\r\\n' => > b'PJKL2 LOGIN bob <SECRET:password>\\r\\n'",
        "1796628791.381652 1 LOGIN \"mbsyncu\" \"mb-pw\" => "
                + "1796628791.381652 1 LOGIN \"mbsyncu\" \"<SECRET:password>\"",
        "AAAA LOGIN pyimap cn-imap-pw => AAAA LOGIN pyimap <SECRET:password>",
        "*cmd* 'PASS pypop-pw' => *cmd* 'PASS <SECRET:password>'",
        "---> PASS lftp-pw => ---> PASS <SECRET:password>",
        "> PASS two words => > PASS <SECRET:password>",
        "1796628749.625002 PASS pypop-pw => 1796628749.625002 PASS <SECRET:password>",
        "send: 'PASS pw-2\\r\\n' => send: 'PASS <SECRET:password>\\r\\n'",
        "> Y3VybGltYXAtczNjcmV0 => > <SECRET:password>",
        "07:33:31.777583 send: 'c210cGxpYi1sb2dpbi1zM2NyZXQ=\\r\\n' => 07:33:31.777583 send: '<SECRET:password>\\r\\n'",
        "s-nail: >>> c25haWwtc210cC1zM2NyZXQ= => s-nail: >>> <SECRET:password>",
        "cHlpbWFwLXMzY3JldA== => <SECRET:password>",
        "1796628764.414155 Y3VybGltYXAtczNjcmV0 => 1796628764.414155 <SECRET:password>",
        "machine example.com login bob password hunter2 => machine example.com login bob password <SECRET:password>",
        "user snailu, pass snail-pw => user snailu, pass <SECRET:password>",
        "Running command '/usr/lib/nagios/plugins/check_snmp' '-A' 'auth-pw' '-P' '3' '-X' 'priv-pw': PID 4481 => "
                + "Running command '/usr/lib/nagios/plugins/check_snmp' '-A' '<SECRET:password>' '-P' '3' "
                + "'-X' '<SECRET:password>': PID 4481",
        "arguments: '/usr/lib/nagios/plugins/check_smtp' '-A' 'LOGIN' '-P' 'smtp-pw' '-U' 'mon') terminated => "
                + "arguments: '/usr/lib/nagios/plugins/check_smtp' '-A' 'LOGIN' '-P' '<SECRET:password>' '-U' 'mon') "
                + "terminated",
        "$USER1$/check_http -I web -a admin:http-pw -p 2812 => $USER1$/check_http -I web -a admin:<SECRET:password> "
                + "-p 2812",
        "check_mysql -H db -u monitor -p my-pw => check_mysql -H db -u monitor -p <SECRET:password>",
        "check_ldap -H dir -D cn=mon -P ldap-pw => check_ldap -H dir -D cn=mon -P <SECRET:password>",
        "+ redis-cli -h cache -p 16379 -a redis-pw PING => + redis-cli -h cache -p 16379 -a <SECRET:password> PING",
        "+ htpasswd -bc /etc/web/htpasswd deploy ht-pw => + htpasswd -bc /etc/web/htpasswd deploy <SECRET:password>",
        "+ htpasswd -B -b /etc/web/htpasswd alice ht-pw2 => + htpasswd -B -b /etc/web/htpasswd alice <SECRET:password>",
        "+ htpasswd -nbB alice ht-pw3 => + htpasswd -nbB alice <SECRET:password>",
        "+ keytool -list -keystore ks.p12 -storepass ks-pw -keypass k-pw => "
                + "+ keytool -list -keystore ks.p12 -storepass <SECRET:password> -keypass <SECRET:password>",
        "+ zip -q -P zip-pw f.zip f.txt => + zip -q -P <SECRET:password> f.zip f.txt",
        "+ unzip -o -P unzip-pw f.zip => + unzip -o -P <SECRET:password> f.zip",
        "+ gpg --batch --passphrase gpg-pw -c f.txt => + gpg --batch --passphrase <SECRET:password> -c f.txt",
        "+ docker login -u deploy -p docker-pw registry.example.org => "
                + "+ docker login -u deploy -p <SECRET:password> registry.example.org",
        "+ ldapsearch -x -D cn=admin,dc=example,dc=org -w ldap-pw -b dc=example,dc=org => "
                + "+ ldapsearch -x -D cn=admin,dc=example,dc=org -w <SECRET:password> -b dc=example,dc=org",
        "+ mongosh --host db -u admin -p mongo-pw => + mongosh --host db -u admin -p <SECRET:password>",
        "+ sqlcmd -S db -U sa -P sql-pw -Q 'SELECT 1' => + sqlcmd -S db -U sa -P <SECRET:password> -Q 'SELECT 1'",
        "INFO [main] VersionLoggerListener.log Command line argument: -Djavax.net.ssl.keyStorePassword=ks-pw => "
                + "INFO [main] VersionLoggerListener.log Command line argument: "
                + "-Djavax.net.ssl.keyStorePassword=<SECRET:password>",
        "jvm_args: -Ddb.password=db-pw -Xmx32m -Dapp.secret.key=app-key -Dapp.api.token=Zx81kq0PaLw3 => "
                + "jvm_args: -Ddb.password=<SECRET:password> -Xmx32m -Dapp.secret.key=<SECRET:secret> "
                + "-Dapp.api.token=<SECRET:token>",
        "+ ./gradlew publish -PsigningPassword='gradle pw' => "
                + "+ ./gradlew publish -PsigningPassword='<SECRET:password>'",
        "+ java -jar app.jar --spring.datasource.password=\"boot-pw\" => "
                + "+ java -jar app.jar --spring.datasource.password=\"<SECRET:password>\"",
        "+ tool --password=\"quoted-pw\" => + tool --password=\"<SECRET:password>\"",
        "url=jdbc:oracle:thin:scott/or-pw@//db:1521/XE => url=jdbc:oracle:thin:scott/<SECRET:password>@//db:1521/XE",
        "+ sqlplus -s scott/sq-pw@orcl @report.sql => + sqlplus -s scott/<SECRET:password>@orcl @report.sql",
        "+ sqlplus -L \"c##admin/cd-pw@//db:1521/CDB1\" => + sqlplus -L \"c##admin/<SECRET:password>@//db:1521/CDB1\"",
        "+ expdp system/ex-pw@orcl schemas=HR => + expdp system/<SECRET:password>@orcl schemas=HR",
        "+ rman target sys/rm-pw@prod catalog rman/rc-pw@cat => "
                + "+ rman target sys/<SECRET:password>@prod catalog rman/<SECRET:password>@cat",
        "rman target / catalog rco/rc-pw@cat auxiliary sys/ax-pw@aux => "
                + "rman target / catalog rco/<SECRET:password>@cat auxiliary sys/<SECRET:password>@aux",
        "+ sqlldr userid=scott/sl-pw control=load.ctl => + sqlldr userid=scott/<SECRET:password> control=load.ctl",
        "SQL> connect scott/sc-pw => SQL> connect scott/<SECRET:password>",
        "+ snmpwalk -v3 -u mon -l authPriv -a SHA -A snmp-auth -x AES -X snmp-priv host => "
                + "+ snmpwalk -v3 -u mon -l authPriv -a SHA -A <SECRET:password> -x AES -X <SECRET:password> host",
        "+ snmpget -v2c -c comm-pw host sysUpTime.0 => + snmpget -v2c -c <SECRET:password> host sysUpTime.0",
        "+ ipmitool -I lanplus -H bmc -U admin -P ipmi-pw chassis status => "
                + "+ ipmitool -I lanplus -H bmc -U admin -P <SECRET:password> chassis status",
        "+ mosquitto_pub -h broker -u dev -P mq-pw -t t -m hi => "
                + "+ mosquitto_pub -h broker -u dev -P <SECRET:password> -t t -m hi",
        "+ openssl enc -aes-256-cbc -k enc-pw -in a -out b => "
                + "+ openssl enc -aes-256-cbc -k <SECRET:password> -in a -out b",
        "+ az login --service-principal -u app -p az-pw --tenant t => "
                + "+ az login --service-principal -u app -p <SECRET:password> --tenant t",
        "+ 7z a -p7z-pw -mhe=on out.7z dir => + 7z a -p<SECRET:password> -mhe=on out.7z dir",
        "+ unrar x -prar-pw x.rar => + unrar x -p<SECRET:password> x.rar",
        "+ rabbitmqctl add_user deploy rmq-pw => + rabbitmqctl add_user deploy <SECRET:password>",
        "\"environment\": [{\"name\": \"DB_HOST\", \"value\": \"db\"}, "
                + "{\"name\": \"DB_PASSWORD\", \"value\": \"ecs-pw\"}] => "
                + "\"environment\": [{\"name\": \"DB_HOST\", \"value\": \"db\"}, "
                + "{\"name\": \"DB_PASSWORD\", \"value\": \"<SECRET:password>\"}]",
        "{'Parameters.member.1.ParameterKey': 'DbPassword', 'Parameters.member.1.ParameterValue': 'cfn-pw'} => "
                + "{'Parameters.member.1.ParameterKey': 'DbPassword', "
                + "'Parameters.member.1.ParameterValue': '<SECRET:password>'}",
        "Unpacked value of ['ParameterKey=DbPassword,ParameterValue=cfn-pw2'] for parameter => "
                + "Unpacked value of ['ParameterKey=DbPassword,ParameterValue=<SECRET:password>'] for parameter",
        "'body': b'{\"Name\": \"/app/db/password\", \"Value\": \"ssm-pw\", \"Type\": \"SecureString\"}' => "
                + "'body': b'{\"Name\": \"/app/db/password\", \"Value\": \"<SECRET:password>\", "
                + "\"Type\": \"SecureString\"}'",
        "<property name=\"hibernate.connection.password\" value=\"xml-pw\"/> => "
                + "<property name=\"hibernate.connection.password\" value=\"<SECRET:password>\"/>",
        "env: [{name: DB_PASSWORD, value: k8s-pw}] => env: [{name: DB_PASSWORD, value: <SECRET:password>}]",
        "{\"key\":\"db.password\",\"value\":{\"stringValue\":\"otlp-pw\"}} => "
                + "{\"key\":\"db.password\",\"value\":{\"stringValue\":\"<SECRET:password>\"}}",
        "CLI: ['ssm', 'put-parameter', '--name', '/app/db/password', '--value', 'ssm-pw2', "
                + "'--type', 'SecureString'] => "
                + "CLI: ['ssm', 'put-parameter', '--name', '/app/db/password', '--value', '<SECRET:password>', "
                + "'--type', 'SecureString']",
        "+ az keyvault secret set --vault-name kv --name db-password --value az-pw => "
                + "+ az keyvault secret set --vault-name kv --name db-password --value <SECRET:password>",
        "+ aws ssm put-parameter --name /app/api/token --type SecureString --value Zx81kq0PaL => "
                + "+ aws ssm put-parameter --name /app/api/token --type SecureString --value <SECRET:token>",
        "{\"log\":\"{\\\"user\\\":\\\"bob\\\",\\\"password\\\":\\\"dj-pw\\\"}\\n\"} => "
                + "{\"log\":\"{\\\"user\\\":\\\"bob\\\",\\\"password\\\":\\\"<SECRET:password>\\\"}\\n\"}",
        "\"SecretString\": \"{\\\\\"password\\\\\":\\\\\"sm-pw\\\\\"}\" => "
                + "\"SecretString\": \"{\\\\\"password\\\\\":\\\\\"<SECRET:password>\\\\\"}\"",
        "0000: 50 41 53 53 20 73 33 63 72 65 74 43 46 31 0d 0a PASS s3cretCF1.. => 0000: <SECRET:bytes>",
        "0000: 30 2D 02 01  01 04 0A 73  33 63 72 65  74 43 4F 4D    0-.....s3cretCOM => 0000: <SECRET:bytes>",
        "|00000000| 47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a |GET / HTTP/1.1..| => |00000000| <SECRET:bytes>",
        "0010: 0d 0a => 0010: <SECRET:bytes>",
        "userPassword:: e1NTSEF9cE14emZDSW9uUmhuR3U0cUdnVzhFTUdSMkFieU05KzE= => userPassword:: <SECRET:password>",
        "unicodePwd:: IgBzADMAYwByAGUAdAAiAA== => unicodePwd:: <SECRET:password>",
        "{SSHA}GemIQkuWih2RvRAA68Y+mpspuvX/m3NJ => {SSHA}<SECRET:password-hash>",
        "userPassword: {SSHA}GemIQkuWih2RvRAA68Y+mpspuvX/m3NJ => userPassword: {SSHA}<SECRET:password-hash>",
        "bob:{PLAIN}s3cretPlain => bob:{PLAIN}<SECRET:password>",
        "authentication_string: *94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29"
                + " => authentication_string: <SECRET:password-hash>",
        "password: {s3cret} => password: <SECRET:password>}",
        "Server=tcp:db,1433;Initial Catalog=app;User ID=bob;Password=s3cret Pw!;"
                + " => Server=tcp:db,1433;Initial Catalog=app;User ID=bob;Password=<SECRET:password>;",
        "DRIVER={ODBC Driver 18};SERVER=db;UID=bob;PWD={s3cret;Pw} => DRIVER={ODBC Driver 18};SERVER=db;UID=bob;"
                + "PWD=<SECRET:password>",
        "grafana cloud glc_c3j27xdcg2lMLzgeonyLGcTJFiz4soCmZ9cpvnpK== => grafana cloud <SECRET:api-key>",
        "linear lin_api_nA1hEDCM4PmBxdUcl1MhOoSfAqFdpRaj71FtQUwO => linear <SECRET:api-key>",
        "pulumi login pul-9023c39c200661fccd268a29a0d347301ef56e64 => pulumi login <SECRET:api-key>",
        "sentry-cli sntrys_apYHZaNAR3zlT4BNLZ2mpkGCJNcQAxnV1SYEEFNloPAmXXndI9le1kI3YLoJ => sentry-cli <SECRET:api-key>",
        "age AGE-SECRET-KEY-1TOPMK9MY4F0DGGC6QPZQ05S7LEIO49ERNNBER02PDCLSX7IFXI2V7ICB4W => age <SECRET:api-key>",
        "POST https://contoso.webhook.office.com/webhookb2/3f2a1b4c-1111-2222-3333-444455556666"
                + "@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/9102f29a422eb14ab2f2d0f0cc022238"
                + " => POST https://contoso.webhook.office.com/webhookb2/<SECRET:webhook>",
        "//registry.npmjs.org/:_authToken used npm_U8JZpDE0iGXlD6gNCFbaEPFjbD0kH8Oool8D"
                + " => //registry.npmjs.org/:_authToken used <SECRET:api-key>",
        "twine upload -p pypi-AgEIcHlwaS5vcmcklZDOCj2ISaJiHkTj0rLGlkoMXGjtEkDnNfribxUdl7dXTPyLsxPFkThf4Vu"
                + " => twine upload -p <SECRET:api-key>",
        "docker login -u ci --password-stdin <<< dckr_pat_cSmEHgaKwVJ7faC9qEwjky40UVs"
                + " => docker login -u ci --password-stdin <<< <SECRET:api-key>",
        "sendgrid key 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"
                + " => sendgrid key <SECRET:api-key>",
        "hub login 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 => hub login <SECRET:api-key>",
        "doctl auth init -t dop_v1_cccc3fc1626e53a13043b026c48bbf33feff9243a8f506b40928b5b7a767c76f"
                + " => doctl auth init -t <SECRET:api-key>",
        "shopify admin 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 => shopify admin <SECRET:api-key>",
        "jira login ATATT3xFfGF0z8uZdZv8FuKKIBJl5dzpJn0meq7WJjjIBAzupGhv => jira login <SECRET:api-key>",
        "grafana sa glsa_7Ib3M03NBQNSgPwlUQia1ID6vW5dql05_d440e504 => grafana sa <SECRET:api-key>",
        "newrelic NRAK-LJ4H9DU7794G9DPMRCG629BE2U6 => newrelic <SECRET:api-key>",
        "databricks dapi68ef786e4d3cea27d26934b484e73cf5-2 => databricks <SECRET:api-key>",
        "postman PMAK-75dcad6ba2b0aee0ca923732-881584d8c4fa2815d2802827283e0ad841 => postman <SECRET:api-key>",
        "stripe endpoint whsec_htP8HKQDLM7ToThwNScgrLRWzBQCABug => stripe endpoint <SECRET:api-key>",
        "gitlab-runner register -r glrt-jMgeP7cGq0pbqfi14ZgT"
                + " => gitlab-runner register -r <SECRET:gitlab-token>",
        "https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/sNOVM14tuoIZWD1IAEov4QbK"
                + " => https://hooks.slack.com/services/<SECRET:webhook>",
        "https://discord.com/api/webhooks/112233445566778899/"
                + "DFq1Y3gqSmPsSCdLKRcAQX9VjUPC94TNWLAVYFeRgpMPgxAFQ0FJZlCZBTToOFl9h2wJ"
                + " => https://discord.com/api/webhooks/<SECRET:webhook>",
        "username admin privilege 15 password 7 0822455D0A16544541"
                + " => username admin privilege 15 password 7 <SECRET:password>",
        "username netops secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pq"
                + " => username netops secret 9 <SECRET:password-hash>",
        " snmp-server community s3cretComm RO 10 => snmp-server community <SECRET:password> RO 10",
        " tacacs-server key 7 045802150C2E1D1C5A => tacacs-server key 7 <SECRET:password>",
        "%PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:username bob password 0 s3cretLogged"
                + " => %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:username bob password 0"
                + " <SECRET:password>",
        " pre-shared-key address 203.0.113.5 key s3cretKeyring => pre-shared-key address <IP> key <SECRET:password>",
        "  authentication-key \"$9$s3cretJuniperA\"; ## SECRET-DATA"
                + " => authentication-key \"<SECRET:password>\"; ## SECRET-DATA",
        "set system login user admin authentication plain-text-password-value s3cretJunPlain"
                + " => set system login user admin authentication plain-text-password-value <SECRET:password>",
        "  key-string 7 1511021F07257A767B => key-string 7 <SECRET:password>",
        "  wpa-psk ascii 0 s3cretWlanPsk => wpa-psk ascii 0 <SECRET:password>",
        "0100  69 6f 6e 54 6f 6b 65 6e 3e 73 33 63 72 65 74 54   ionToken>s3cretT => 0100  <SECRET:bytes>",
        "[0000] 4E 23 91 EE 16 8E 76 EB   90 BD 94 D5 26 35 84 FB   N#....v. ....&5.. => [0000] <SECRET:bytes>",
        "password=${DB_PASSWORD:-s3cretDefault} => password=<SECRET:password>}",
        "password=$ecret123 => password=<SECRET:password>",
        "//registry.example.com/:_authToken=s3cretNpmrc => //registry.example.com/:_authToken=<SECRET:token>",
        "//registry.example.com/:_password=czNjcmV0TnBtUHc= => //registry.example.com/:_password=<SECRET:password>",
        "+ jarsigner -keystore ks.p12 -storepass s3cretJs -keypass s3cretKp app.jar signer"
                + " => + jarsigner -keystore ks.p12 -storepass <SECRET:password> -keypass <SECRET:password>"
                + " app.jar signer",
        "+ ssh-keygen -q -p -P s3cretOld -N s3cretNew -f ./id_test"
                + " => + ssh-keygen -q -p -P <SECRET:password> -N <SECRET:password> -f ./id_test",
        "+ rdesktop -u bob -p s3cretRd rdp.example.com => + rdesktop -u bob -p <SECRET:password> rdp.example.com",
        "+ xfreerdp /v:rdp /u:bob '/p:s3cret!Rdp' /gp:s3cretGw => + xfreerdp /v:rdp /u:bob '/p:<SECRET:password>'"
                + " /gp:<SECRET:password>",
        "+ wpa_passphrase 'my net' s3cretWpa => + wpa_passphrase 'my net' <SECRET:password>",
        "+ nmcli dev wifi connect myssid password s3cretNm"
                + " => + nmcli dev wifi connect myssid password <SECRET:password>",
        "+ nmcli con modify wifi wifi-sec.psk s3cretPsk 802-1x.password s3cret8021x => + nmcli con modify wifi"
                + " wifi-sec.psk <SECRET:password> 802-1x.password <SECRET:password>",
        "+ mc alias set minio http://minio:9000 minioadmin s3cretMinio"
                + " => + mc alias set minio http://minio:9000 minioadmin <SECRET:secret>",
        "++ openssl passwd -6 -salt Abc12345 s3cretUserPw => ++ openssl passwd -6 -salt Abc12345 <SECRET:password>",
        "RUN echo 'root:s3cretRoot' | chpasswd => RUN echo 'root:<SECRET:password>' | chpasswd",
        "echo s3cretStdin | sudo passwd --stdin bob => echo <SECRET:password> | sudo passwd --stdin bob",
        "+ npm config set //registry.example.com/:_authToken s3cretNpm --userconfig ./npmrc"
                + " => + npm config set //registry.example.com/:_authToken <SECRET:token> --userconfig ./npmrc",
        "+ aws configure set aws_session_token s3cretSess --profile ci"
                + " => + aws configure set aws_session_token <SECRET:aws-key> --profile ci",
        "+ curl -u 'bob:s3cret!x' https://h/ => + curl -u 'bob:<SECRET:password>' https://h/",
        "+ useradd -M -p '$6$Abc12345$K8R..m8RF4ndFDHoHxsvyBbCyE9GmKk' scoutbob"
                + " => + useradd -M -p '<SECRET:password-hash>' scoutbob",
        "bob:$2y$10$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW => bob:<SECRET:password-hash>",
        "passwd: $y$j9T$yAuRJu1o5HioZAGDYPU5d.$F64ni6J2y2nNQve90M/p0ZP0E => passwd: <SECRET:password-hash>",
        "hash $argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$ZXhhbXBsZWhhc2hleGFtcGxl => hash <SECRET:password-hash>",
        "\"app\" \"SCRAM-SHA-256$4096:c2FsdHNhbHQ=$c3RvcmVka2V5c3RvcmU=:c2VydmVya2V5c2VydmU=\""
                + " => \"app\" \"<SECRET:password-hash>\"",
        "<wsse:Password Type=\"http://docs.oasis-open.org/wss#PasswordText\">s3cretWsse</wsse:Password>"
                + " => <wsse:Password Type=\"http://docs.oasis-open.org/wss#PasswordText\">"
                + "<SECRET:password></wsse:Password>",
        "<ns0:username>bob</ns0:username><ns0:password>s3cretBob42</ns0:password>"
                + " => <ns0:username>bob</ns0:username><ns0:password><SECRET:password></ns0:password>",
        "b'<Credentials>\\n  <SecretAccessKey>s3cretSak/K7MDENG</SecretAccessKey>\\n'"
                + " => b'<Credentials>\\n  <SecretAccessKey><SECRET:secret></SecretAccessKey>\\n'",
        "<entry key=\"db.password\">s3cretEntry</entry> => <entry key=\"db.password\"><SECRET:password></entry>",
        "<property name=\"hibernate.connection.password\"><![CDATA[s3cret]]></property>"
                + " => <property name=\"hibernate.connection.password\"><![CDATA[<SECRET:password>]]></property>",
        "6b16a785.0ce5eba6 0x7f00a25fe6c0   0020:  73 33 63 72 65 74 52 6f  6f 74 34 32   s3cretRoot42"
                + " => 6b16a785.0ce5eba6 0x7f00a25fe6c0   0020:  <SECRET:bytes>",
        "kernel: [ 12.345678] usb 1-1: 00000010: 73 33 63 72 65 74 00 00  s3cret.. => kernel: [ 12.345678] usb 1-1:"
                + " 00000010: <SECRET:bytes>",
        "0000 - 16 03 01 01 24 01 00 01-20 03 03 b4 c4 29 e0 f9   ....$... ....)..  => 0000 - <SECRET:bytes>",
        "  0040: 2D 4B 65 79 3A 20 73 33   63 72 65 74 4A 53 53 45  -Key: s3cretJSSE => 0040: <SECRET:bytes>",
        "    Resumption PSK: 5733679E3EB828967013431864BD746DEC32BFD02D872A60A5618D5C26612022 => "
                + "Resumption PSK: <SECRET:secret>",
        "network={ key_mgmt=WPA-PSK psk=\"correct horse battery\" } => "
                + "network={ key_mgmt=WPA-PSK psk=\"<SECRET:secret>\" }",
        "000020 73 69 63 20 => 000020 <SECRET:bytes>",
        "PASS=hunter2 ./deploy.sh => PASS=<SECRET:password> ./deploy.sh",
        "pass: hunter2 => pass: <SECRET:password>",
        "send: b'GET / HTTP/1.1\\r\\nX-Api-Key: py-key\\r\\nX-Auth-Token: py-tok\\r\\nConnection: close\\r\\n' => "
                + "send: b'GET / HTTP/1.1\\r\\nX-Api-Key: <SECRET:api-key>\\r\\nX-Auth-Token: <SECRET:token>\\r\\n"
                + "Connection: close\\r\\n'",
        "send: b'GET / HTTP/1.1\\r\\nAuthorization: Negotiate YIIC4wYGKwYBBQUCoIIC1zCCAtOgMDAu\\r\\n"
                + "Cookie: sid=abc123; theme=dark\\r\\n"
                + "Host: shop\\r\\n' => send: b'GET / HTTP/1.1\\r\\nAuthorization: Negotiate <SECRET:token>\\r\\n"
                + "Cookie: <SECRET:cookie>\\r\\nHost: shop\\r\\n'",
        "+ vault login hvs.CAESIJ8kQ0Rr2sU1x9VbXyZ3GhJ7Ih4KHGh2cy5 => + vault login <SECRET:vault-token>",
        "renewed hvb.AAAAAQJkZ3Vj0ZfS8Yd1mXw9qT2rLpNcVbHg for 1h => renewed <SECRET:vault-token> for 1h",
        "+ rabbitmqctl -n rabbit@mq change_password 'deploy' 'rmq-pw2' => "
                + "+ rabbitmqctl -n rabbit@mq change_password 'deploy' '<SECRET:password>'",
        "WARN demo.App - login failed for bob with password s3cretFormPw2024 => "
                + "WARN demo.App - login failed for bob with password <SECRET:password>",
        "trying secret aB3dE5fG7hJ9kL. => trying secret <SECRET:secret>.",
        "password=hidden, token=nullify-k3y => password=<SECRET:password>, token=<SECRET:token>",
        "[generated in 0.00007s] {'pw': 'k3y-pw', 'u': 'bob'} bindpw=k3y => "
                + "[generated in 0.00007s] {'pw': '<SECRET:password>', 'u': 'bob'} bindpw=<SECRET:password>",
        "12 Query\tINSERT INTO users (name,`password`,api_token) VALUES ('bob','it''s a pw','k3y'),"
                + "('eve',NULL,'k4y') => 12 Query\tINSERT INTO users (name,`password`,api_token) VALUES "
                + "('bob','<SECRET:password>','<SECRET:token>'),('eve',NULL,'<SECRET:token>')",
        "insert ignore into t (id, made, \"secret\", note) values (7, date('2026-12-07', 'x'), 's,1', 'pw') => "
                + "insert ignore into t (id, made, \"secret\", note) values (7, date('2026-12-07', 'x'), "
                + "'<SECRET:secret>', 'pw')",
        "(0.001) INSERT INTO api_client (name, client_secret) VALUES ('ci', 'k3yAbc123'); args=['ci', 'k3yAbc123'] => "
                + "(0.001) INSERT INTO api_client (name, client_secret) VALUES ('ci', '<SECRET:secret>'); "
                + "args=['ci', '<SECRET:secret>']",
        "curl -u name:password https://example.com, --certificate-password => "
                + "curl -u name:<SECRET:password> https://example.com, --certificate-password",
        "password=k3yAbc123 sent, k3yAbc1234, k3yAbc123x and k3yAbc123_2 not, (k3yAbc123) => "
                + "password=<SECRET:password> sent, k3yAbc1234, k3yAbc123x and k3yAbc123_2 not, (<SECRET:password>)",
    })
    void replacesSecretsAndPersonalDataByTheirKind(String input, String expected) {
        assertThat(redactor.redact(input)).isEqualTo(expected);
    }

    /** Perl's, PHP's and Ruby's {@code =>} between a key and its value (these rows part input and output by -->). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "-->", value = {
        "$VAR1 = { 'password' => 'pl-pw', }; --> $VAR1 = { 'password' => '<SECRET:password>', };",
        "Parameters: {\"user\"=>\"bob\", \"api_token\"=>\"rb-tok\"} --> "
                + "Parameters: {\"user\"=>\"bob\", \"api_token\"=>\"<SECRET:token>\"}",
        "$config = [password => 'php-pw', 'host' => 'db']; --> "
                + "$config = [password => '<SECRET:password>', 'host' => 'db'];",
        "$db = ['password' => \"a-pw\", \"secret\" => 'b-pw']; --> "
                + "$db = ['password' => \"<SECRET:password>\", \"secret\" => '<SECRET:secret>'];",
        "retries => 3, timeout => 30 --> retries => 3, timeout => 30",
        "auth map #{<<\"password\">> => <<\"s3 cret\">>,<<\"user\">> => <<\"bob\">>} --> "
                + "auth map #{<<\"password\">> => <<\"<SECRET:password>\">>,<<\"user\">> => <<\"bob\">>}",
        "    [password:protected] => Array --> [password:protected] => Array",
        "    [secret:protected] => hunter2 hunter3 --> [secret:protected] => <SECRET:secret>",
        "    [secret:App\\Auth\\Guard:private] => hunter2 --> [secret:App\\Auth\\Guard:private] => <SECRET:secret>",
    })
    void readsTheArrowOfPerlPhpAndRuby(String input, String expected) {
        assertThat(redactor.redact(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7",
        "request 550e8400-e29b-41d4-a716-446655440000 done",
        "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "login failed: password is incorrect",
        "Password for 'alice' was changed",
        "Password for 'SuperUser' set to '<*>' (a template: the value is masked already)",
        "Auth: (2) Login incorrect (mschap: bad response): [bob/<via Auth-Type = mschap>] (from client vpn port 7)",
        "Auth: (3) Login OK: [bob] (from client localhost port 0)",
        "cache_key=product-42 hit",
        "token expired after 30s",
        "order 4111111111111112 is not a card",
        "state=ACTIVE, createTime=1796543505186(Sun Dec 06 07:51:45 UTC 2026) (epoch milliseconds that pass Luhn)",
        "span took until 1796543505184122 us, or 1796543505184123457 ns",
        "BLOCK* ask for delete blk_8547118980797728056 blk_-8547118980797728056",
        "171109 203518 107 INFO dfs.DataNode$DataXceiver: Receiving block (a date, time and thread that pass Luhn)",
        "BIOS-e820: 0000000000000000 - 00000000000a0000 (usable)",
        "traceparent 00-01479c056fa54335ac766a74cf7c5003-293085477b7f6706-01 (digits of hex ids pass Luhn by chance)",
        "bypass=true compass=north",
        "released 2024-01-15 at 10:00:00",
        "auth=ok user=bob",
        "Access denied for user 'bob'@'localhost' (using password: YES)",
        "Access denied for user 'root'@'%' (using password: NO)",
        "tls password=false",
        "GET api/v1/users/12345/orders/67890/items/Abc4Def/details 200",
        "at com.example.shop.CheckoutService.placeOrder(CheckoutService.java:42)",
        "session closed",
        "  password incorrect",
        "122:     option auth.login./bricks/b1.allow 4f05aba7-9b01-4d4d-bca2-4a837c3bef85",
        "Invalid password for user bob",
        "statement: ALTER ROLE bob PASSWORD NULL",
        "LOG:  statement: ALTER USER bob PASSWORD '<*>';",
        "execute s1: ALTER ROLE bob PASSWORD $1",
        "pg_dump --no-password mydb",
        "ansible-playbook --ask-become-pass site.yml",
        "exec app --password-file /etc/app/pw --secret-name db-creds",
        "set it with --password, then restart",
        "sshpass -e ssh -p 2222 bob@h (the password from SSHPASS, the port ssh's)",
        "lftp -u bob ftp://h (no password given)",
        "smbclient -L h -U bob%",
        "FATAL:  password authentication failed for user \"bob\"",
        "auth: Info: started",
        "auth: db:5432 ok",
        "sudo -u postgres psql",
        "client in: AUTH\t1\tPLAIN\tresp=AGRhdmU= (a NUL and a user name alone: no password)",
        "auth: Debug: client in: AUTH\t2\tLOGIN\tresp=ZGF2ZQ== and a path /var/lib/dovecot/auth-token",
        "if (x) != 'y' (no scheme before the parenthesis)",
        "headers={'Content-Type': b'application/xml', 'token_type': rb'bearer'}",
        "DEBUG IMAP: AUTHENTICATE LOGIN command trace suppressed",
        "imapc: Check for when to prefer LOGIN to AUTHENTICATE was wrong",
        "imap: Allow clients to LOGIN without quotes",
        "LOG:  statement: CREATE ROLE app2 LOGIN NOSUPERUSER INHERIT",
        "fetchmail: IMAP> A0001 LOGIN \"fetchu\" *",
        "F: >>> 1 LOGIN <user> <pass>",
        "fetchmail: POP3> PASS *",
        "*cmd* 'PASS ******************'",
        "reply: b'334 UGFzc3dvcmQ6\\r\\n' (the server's prompt)",
        "reply: retcode (334); Msg: b'VXNlcm5hbWU6'",
        "smtpd: > localhost[<IP>]: 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UuZXhhbXBsZS5uZXQ+",
        "> 2UoGOgZi0oJ/AAAB",
        "> ZGF2ZQ== (dave: a user name of four bytes)",
        "Added support for user and password authentication.",
        "user bob password mismatch",
        "Running command '/usr/lib/nagios/plugins/check_http' '-I' 'web' '-p' '2812' '-u' '/': PID 9892",
        "check_snmp -H h -P 3 -o 1.3.6.1.2.1.1.3.0 (the protocol's version)",
        "check_smtp -H mx -p 25 (a port)",
        "+ htpasswd -c /etc/web/htpasswd deploy (no -b: htpasswd asks)",
        "+ redis-cli -h cache -p 16379 PING",
        "+ docker run -p 8080:80 nginx (a port, no login)",
        "+ tar -P -czf backup.tgz /etc (tar's -P keeps absolute names)",
        "WARNING! Using --password via the CLI is insecure. Use --password-stdin.",
        "the --token option is deprecated",
        "-Dcom.sun.management.jmxremote.password.file=/etc/jmx.password -Dsession.timeout=30",
        "+ ansible-playbook site.yml --private-key=/home/deploy/.ssh/id_ed25519",
        "+ pkcs11-tool --login --pin=$PKCS11_PIN --list-objects",
        "gpg: The option --passphrase= can be empty.",
        "  --private-key='/home/user/me/my_key.pfx' (a path)",
        "+ sqlplus / as sysdba",
        "{\"name\": \"session_timeout\", \"value\": \"30\"}, {\"name\": \"password\", \"value\": null}",
        "+ aws ssm get-parameter --name /app/db/password --with-decryption",
        "081109 203518 143 INFO dfs.DataNode$PacketResponder: Received block blk_38865049064139660 of size 67108864",
        "Code: 48 8b 45 f8 48 89 c7 e8 5a 3c 00 00 c9 c3 (a kernel oops's code bytes, no offset)",
        "2026 12 07 10:55:08 INFO worker started",
        "20261207 10 55 08 worker started",
        "    PSK identity: None",
        "network={ ssid=\"home-net\" } (a Wi-Fi network's name)",
        "ssid=office bssid=aa:bb:cc:dd:ee:f0 freq=2412",
        "TLSv1.2    :RSA-PSK-AES256-GCM-SHA384 TLSv1.2    :DHE-PSK-AES256-GCM-SHA384",
        "--- PASS: TestCheckoutTotal (0.00s)",
        "    --- PASS: TestSub/eu (0.00s)",
        "{\"Action\":\"output\",\"Test\":\"TestAddItem\",\"Output\":\"--- PASS: TestAddItem (0.00s)\\n\"}",
        "PASS: tests/cart.sh",
        "20261207 10 55 08 0800Z worker started",
        "0003: 12 files copied",
        "build 4521: 12 files copied in 0:03",
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey",
        "remove username or password part of the URL; enable password authentication; the pre-shared-key is set",
        "2019 10 22 18 45 backup done, 2024  12 files",
        "password=${DB_PASSWORD} token: ${GITHUB_TOKEN}, DB_PASSWORD=$DB_PASSWORD",
        "\"password\": \"${db.password}\", api_key: {{ .Values.apiKey }}, password: %(password)s",
        "+ export AWS_SHARED_CREDENTIALS_FILE=/tmp/ci-4f2a9c/aws-credentials2 API_KEY_PATH=/run/secrets/api-key-7f3a9c",
        "+ ssh-keygen -q -t ed25519 -N '' -f ./id_test -C ci@example",
        "+ aws configure set region us-east-1; npm config set registry https://registry.example.com/",
        "+ jarsigner -verify -keystore ks.p12 -storepass:env STORE_PW app.jar",
        "+ perl -pe 's/(\\d+)-(\\d+)-(\\d+)/$1$2$3/' dates.txt; echo $1$2$SOMETHING_LONGER_NAME",
        "<wsse:Username>svcuser</wsse:Username><wsse:Nonce>u8jLBsn3+4c4sWQqwvpFJg==</wsse:Nonce>",
        "<key>F1</key> opens the help; <auth>EXTERNAL</auth>",
        "{\"msg\":\"{\\\"session_timeout\\\":\\\"30\\\",\\\"user\\\":\\\"bob\\\"}\"}",
        "+ sqlplus /nolog @scripts/run.sql",
        "the exp/imp utilities and a client/server setup: connect client/server",
        "rman's target host/port list",
        "+ 7z x -p out.7z (7-Zip asks for it)",
        "+ openssl s_client -connect web:443 -key client.key -cert client.pem",
        "+ rabbitmqctl list_users",
        "+ docker run -p 8080:80 -c 512 nginx (no snmp tool)",
        "\"PUT /oauth/token HTTP/1.1\" 200 35 \"-\"; POST /token HTTP/2.0; the token HTTP/1.1 sent",
        "Environment variable:  PWD = /opt/tomcat",
        "Cannot adopt OID in UCD-DEMO-MIB: ucdDemoPassphrase ::= { ucdDemoPublic 4 }",
        "bash: htpasswd: command not found; sh: 1: mkpasswd: not found",
        "passwd: password updated successfully",
        "env: kubectl-secret: Permission denied",
        "ConstraintViolationException: reset.token: size must be between 16 and 64, create.password: must not be blank",
        "smbpasswd: error while loading shared libraries: libsmbconf.so.0",
        "=INFO REPORT==== 7-Dec-2026::15:20:43.720401 === started",
        " :: Spring Boot ::                (v4.0.7), listening on [::]:8080",
        "+ env: OLDPWD=~/src PWD=C:\\work",
        "sudo: bob : TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls",
        "[authorization=null, apiKey=null] password=None, token=undefined, secret=nil",
        "Credentials=[PROTECTED], password=[FILTERED], \"password\": \"[REDACTED]\", password=******, secret=(hidden)",
        "\"url_password\": \"VALUE_SPECIFIED_IN_NO_LOG_PARAMETER\", password=REDACTED_BY_POLICY",
        "where au1_0.username=? and au1_0.password=? and x.token = $2, set password = :password, PASSWORD=$1",
        "mysqldump -u root -p$MYSQL_ROOT_PASSWORD app; curl -u admin:$ADMIN_PASSWORD http://h/ (bash -v)",
        "Server=db;User ID=bob;Password=${DB_PASSWORD}; java -Dspring.datasource.password=null -jar app.jar",
        "{\"name\": \"DB_PASSWORD\", \"value\": \"${DB_PASSWORD}\"}, --name /app/db/password --value '{{resolve:x}}'",
        "Found username 'alice' in Basic Authorization header; X509v3 Basic Constraints: critical",
        "with password authentication; password 3 times; the secret sauce",
        "INSERT INTO users VALUES (1, 'bob', 'k3yAbc123'); insert into t (pw) select pw from u",
        "CREATE USER bob IDENTIFIED BY <secret> (MySQL's log); USER a IDENTIFIED BY PASSWORD; USER b IDENTIFIED BY "
                + "VALUES 'S:AB'; Problems identified by Coverity; allow tags to be identified by labels",
        "check_password('x'), order by 'x'; ?variables=%7B%22user%22%3A%22bob%22%7D",
        "Field error in object 'u' on field 'username': rejected value [bob]; codes [NotBlank.u.username]; "
                + "on field 'password': rejected value [null]; codes [NotNull.u.password]",
        "{\"required\": [\"password\", \"email\"], \"fields\": [\"token\", \"name\"], \"rows\": [[\"id\", 1]]}",
        "Row (1, 'bob', 'x') of no columns; bind => [a, b]; [parameters: ('bob', 'x')] of no statement",
        "UPDATE users SET name = ? WHERE id = ?\n\tbind => [bob, 7]",
        "query: SELECT * FROM \"users\" WHERE \"username\" = $1 AND \"id\" = $2 -- PARAMETERS: [\"bob\",7]",
        "Executing (default): SELECT 1+1 AS result; Elapsed time: 0ms; price $5 -- PARAMETERS: [\"a b c d e f\"]",
        "mysql -t: | id | username | password           | api_token |",
        "create table users (id bigint, username varchar(50), password varchar(100), api_token varchar(100))",
        "CREATE TABLE users (username NVARCHAR(max), password NVARCHAR(max))",
    })
    void leavesIdsHashesAndOrdinaryWordsAlone(String input) {
        assertThat(redactor.redact(input)).isEqualTo(input);
    }

    /** Records of several lines, each kept whole: what each producer prints, and the secrets it must lose. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsOfSeveralLines")
    void readsRecordsOfSeveralLines(String producer, String text, List<String> secretsThenPlaceholders) {
        String expected = text;
        for (int i = 0; i < secretsThenPlaceholders.size(); i += 2) {
            expected = expected.replace(secretsThenPlaceholders.get(i), secretsThenPlaceholders.get(i + 1));
        }
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    static Stream<Arguments> recordsOfSeveralLines() {
        return Stream.of(
                // error_log(print_r($_POST, true)): an element a line, a nested array
                Arguments.of("PHP's print_r", "[Mon Dec  7 15:20:06 2026] POST: Array\n(\n    [username] => bob\n"
                        + "    [password] => s3 cret\n    [api_key] => k3yAbc123def456\n    [user] => Array\n"
                        + "        (\n        )\n\n)\n",
                        List.of("s3 cret", "<SECRET:password>", "k3yAbc123def456", "<SECRET:api-key>")),
                // the value on the line after its key
                Arguments.of("PHP's var_dump", "var_dump: array(3) {\n  [\"username\"]=>\n  string(3) \"bob\"\n"
                        + "  [\"password\"]=>\n  string(7) \"s3 cret\"\n  [\"token\":protected]=>\n"
                        + "  string(15) \"k3yAbc123def456\"\n}\n",
                        List.of("s3 cret", "<SECRET:password>", "k3yAbc123def456", "<SECRET:token>")),
                // an XML element's text on a line of its own, as tshark -V prints a SOAP body
                Arguments.of("tshark -V's XML", "eXtensible Markup Language\n    <CreateUserResponse>\n"
                        + "        <sessionToken>\n            k3yAbc123def456\n            </sessionToken>\n"
                        + "        <note>\n            fine\n            </note>\n        </CreateUserResponse>",
                        List.of("k3yAbc123def456", "<SECRET:session>")),
                // log_statement = 'all': a prepared statement, then its parameters; those of a secret's column go
                Arguments.of("PostgreSQL's parameters", "LOG:  execute <unnamed>: insert into app_user "
                        + "(api_key,password,username,id) values ($1,$2,$3,$4)\nDETAIL:  parameters: "
                        + "$1 = 'k3yAbc123def456', $2 = 's3 cret', $3 = 'bob', $4 = '1'",
                        List.of("k3yAbc123def456", "<SECRET:api-key>", "s3 cret", "<SECRET:password>")),
                Arguments.of("PostgreSQL's compared parameters", "LOG:  duration: 0.484 ms  bind <unnamed>: select "
                        + "au1_0.id from app_user au1_0 where au1_0.username=$1 and au1_0.\"password\"=$2 and "
                        + "api_key LIKE $3\nDETAIL:  parameters: $1 = 'bob', $2 = 'it''s s3 cret', $3 = 'k3y%'",
                        List.of("it''s s3 cret", "<SECRET:password>", "k3y%", "<SECRET:api-key>")),
                Arguments.of("PostgreSQL's rows", "LOG:  execute S_1: INSERT INTO \"users\" (\"name\", \"Password\", "
                        + "\"token\") VALUES ($1, $2, $3), ($4, $5, $6)\nDETAIL:  parameters: $1 = 'a', $2 = 'pw1', "
                        + "$3 = NULL, $4 = 'b', $5 = 'pw2', $6 = 'k3yAbc'",
                        List.of("pw1", "<SECRET:password>", "pw2", "<SECRET:password>", "k3yAbc", "<SECRET:token>")),
                // a Python traceback's source line: a credential call's literals passed by position but the first
                Arguments.of("Python's traceback", "Traceback (most recent call last):\n  File \"/app/mail.py\", "
                        + "line 12, in send\n    server.login(\"bob\", 'it\\'s s3 cret', timeout=5)\n  File "
                        + "\"/app/db.py\", line 7, in main\n    conn = pymysql.connect(\"db\", \"app\", f\"{x}\", "
                        + "db=get(\"a\", \"b\"))\n  File \"/app/x.py\", line 3, in f\n    print(\"hello\", "
                        + "\"world\")\n  File \"/app/c.py\", line 4, in g\n    client.auth(\"bob\", b'byte-s3cret', "
                        + "\"pre\" + x)\nsmtplib.SMTPAuthenticationError: (535, b'5.7.8 Error')",
                        List.of("it\\'s s3 cret", "<SECRET:credential>", "\"app\", f", "\"<SECRET:credential>\", f",
                                "byte-s3cret", "<SECRET:credential>")),
                // a property Spring Boot could not bind, its value on the line after its name
                Arguments.of("Spring Boot's failure analysis", "ERROR 1 --- [main] o.s.b.d.LoggingFailureAnalysis"
                        + "Reporter   : \n\nDescription:\n\nFailed to bind properties under 'app.api-key' to "
                        + "java.util.UUID:\n\n    Property: app.api-key\n    Value: \"k3y-not-a-uuid\"\n    Origin: "
                        + "\"app.api-key\" from property source \"commandLineArgs\"\n\n    Property: app.user\n"
                        + "    Value: \"bob\"\n",
                        List.of("k3y-not-a-uuid", "<SECRET:api-key>")),
                // zend.exception_ignore_args off: a frame's arguments printed; a credential's call loses them but
                // its first, a constructor of PDO or mysqli its third
                Arguments.of("PHP's stack trace", "PHP Fatal error:  Uncaught PDOException: Connection refused in "
                        + "/app/db.php:3\nStack trace:\n#0 /app/db.php(3): PDO->__construct('mysql:host=db', 'root', "
                        + "'pdo-s3cret', Array)\n#1 [internal function]: mysqli->__construct('db', 'root', "
                        + "'my-s3cret', 'app')\n#2 /app/db.php(11): connectDb('app', 'fn-s3cret', Array)\n"
                        + "#3 /app/Auth.php(57): App\\Auth->handle(Object(Request), 'web')\n"
                        + "#4 /app/x.php(9): strlen('plain words')\n#5 {main}\n  thrown in /app/db.php on line 3",
                        List.of("pdo-s3cret", "<SECRET:credential>", "my-s3cret", "<SECRET:credential>", "fn-s3cret",
                                "<SECRET:credential>")),
                // a prepared statement, then the values bound to its placeholders in the same record
                Arguments.of("SQLAlchemy's error", "Traceback (most recent call last):\n  File \"/app/a.py\", line "
                        + "3, in <module>\n    s.execute(\"SELECT id FROM users WHERE name = ?\", (u,))\n"
                        + "sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) 3 values for 2 "
                        + "columns\n[SQL: INSERT INTO users (username, password) VALUES (?, ?, ?)]\n[parameters: "
                        + "('x', 'it\\'s s3 cret', 1)]\n(Background on this error at: https://sqlalche.me/e/14/e3q8)",
                        List.of("it\\'s s3 cret", "<SECRET:password>")),
                Arguments.of("a query and the values read from it", "Hibernate: select a1_0.id,a1_0.api_token,"
                        + "a1_0.password from accounts a1_0 where a1_0.id=1\nextracted value (1:BIGINT) -> [1]\n"
                        + "extracted value (3:VARCHAR) -> [s3 cret]", List.of("s3 cret", "<SECRET:password>")),
                // a result printed as a table under a script's line: its rows' cells stand under its header's names
                Arguments.of("MySQL's client with -t", "2026-12-07 22:40:01 deploy: checking users\n"
                        + "+----+----------+--------------------+-----------+\n"
                        + "| id | username | password           | api_token |\n"
                        + "+----+----------+--------------------+-----------+\n"
                        + "|  1 | bob      | s3 cret            | k3yAbc123def456 |\n"
                        + "|  2 | eve      | NULL               | NULL      |\n"
                        + "+----+----------+--------------------+-----------+\n"
                        + "|  3 | after    | the table          | k3y       |\n",
                        List.of("s3 cret", "<SECRET:password>", "k3yAbc123def456", "<SECRET:token>")),
                // psql's aligned table (no borders: a rule under the header) and its expanded display
                Arguments.of("psql's table", "2026-12-07 23:01:00 ci: checking users\n"
                        + " id | username |   password    |    api_token    \n"
                        + "----+----------+---------------+-----------------\n"
                        + "  1 | bob      | s3 cret       | k3yAbc123def456\n"
                        + "  2 | eve      |               | \n"
                        + "  3 | a bar    | s3 | cret     | \n"
                        + "  4 | wider    | it | is not | aligned | x\n"
                        + "  5 | dan      | an0ther       | \n"
                        + "(5 rows)\n\n"
                        + " username | note \n"
                        + "----------+------\n"
                        + " bob      | fine\n",
                        List.of("s3 cret", "<SECRET:password>", "k3yAbc123def456", "<SECRET:token>", "s3 | cret",
                                "<SECRET:password>", "an0ther", "<SECRET:password>")),
                Arguments.of("psql's expanded display", "2026-12-07 23:01:05 ci: expanded\n"
                        + "-[ RECORD 1 ]------------------------\nid        | 1\nusername  | bob\n"
                        + "password  | s3 cret\napi_token | \nnote      | k3yAbc123def456\n",
                        List.of("s3 cret", "<SECRET:password>")),
                Arguments.of("EclipseLink's SQL", "[EL Fine]: sql: 2026-12-07 22:01:27.353--ServerSession(1)--"
                        + "Connection(2)--SELECT ID, API_TOKEN FROM ACCOUNTS WHERE ((USERNAME = ?) AND (PASSWORD = ?))"
                        + "\n\tbind => [bob, s3 cret]",
                        List.of("s3 cret", "<SECRET:password>")),
                Arguments.of("TypeORM's query", "query: INSERT INTO \"app_user\"(\"username\", \"password\", "
                        + "\"api_token\") VALUES ($1, $2, $3) RETURNING \"id\" -- PARAMETERS: [\"bob\",\"s3 cret\","
                        + "\"k3y \\\"Abc\",7]",
                        List.of("s3 cret", "<SECRET:password>", "k3y \\\"Abc", "<SECRET:token>")),
                Arguments.of("TypeORM's numbers out of order", "query: UPDATE \"users\" SET \"password\" = $2 WHERE "
                        + "\"username\" = $1 -- PARAMETERS: [\"bob\",\"s3 cret\"]",
                        List.of("s3 cret", "<SECRET:password>")),
                Arguments.of("Sequelize's query", "Executed (default): UPDATE \"Users\" SET \"updatedAt\"=$1 WHERE "
                        + "\"username\" = $2 AND \"password\" = $3; \"2026-12-08 01:46:40.377 +00:00\", \"bob\", "
                        + "\"s3 cret\" Elapsed time: 1ms",
                        List.of("s3 cret", "<SECRET:password>")));
    }

    /**
     * A value as long as a record may carry is read without overflowing the stack, whichever rule reads it: Java's
     * regular expressions recurse once for each repetition of an alternation, so no rule may repeat one.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Cookie: a=", "http header: \"Cookie: a=", "Authorization: Basic ", "Bearer ", "password=",
        "password: \"", "password = '", "('password', '", "{password,<<\"", "    [password] => ", "<password>",
        "\\x22password\\x22:\\x22", "--password ", "mysql -uroot -p", "AUTH PLAIN ", "A1 LOGIN bob ",
        "the password is ", "https://bob:", "0000: 4f 4d ", "eyJ", "-----BEGIN PRIVATE KEY-----", "{SSHA}", "$6$salt$",
        "name=DB_PASSWORD, value=", "Password=", "send: b'GET / HTTP/1.1\\r\\nX-Api-Key: ", "with password ",
        "where password=$1\nDETAIL:  parameters: $1 = '", "insert into t (password) values ('",
        "insert into t (token) values ($1)\nparameters: $1 = '", "#0 /a.php(1): login('bob', '",
        "#0 [internal function]: ", "[[\"password\", \"", "CONT\t2\t", "IDENTIFIED BY '", "IDENTIFIED BY ",
        "PASSWORD('", "%22password%22%3A%22", "A1 LOGIN \"bob\" \"", "A1 LOGIN \"bob",
        "on field 'password': rejected value [", "  File \"a.py\", line 1, in f\n    login(\"a\", \"",
        "  File \"a.py\", line 1, in f\n    login(\"a\", (", "update t set password = ?\n\tbind => [",
        "update t set password = ?\n[parameters: ('", "Col ('password')\nRow ('",
        "set password = ?\n==> Parameters: ", "select a, password from t\nextracted value (2:VARCHAR) -> [",
        "select a as ", "+----+\n| id | password |\n+----+\n| 1 | "})
    void aHugeValueOverflowsNoRule(String opener) {
        String text = opener + "xY7".repeat(70_000) + "[\\r][\\n] done) ok";
        assertThatCode(() -> redactor.redact(text)).doesNotThrowAnyException();
    }

    /** A text too deep for a rule (a quoted password of a hundred thousand escapes) is hidden whole and counted. */
    @Test
    void aTextTooDeepForTheRulesIsHiddenWhole() {
        List<String> kinds = new java.util.ArrayList<>();
        String text = "A1 LOGIN bob \"" + "\\\"".repeat(100_000) + "\"";
        assertThat(redactor.redact(text, kinds::add)).isEqualTo("<SECRET:unreadable>");
        assertThat(kinds).containsExactly("unreadable");
        assertThat(redactor.redact("A1 LOGIN bob \"" + "\\\"".repeat(10) + "\""))
                .isEqualTo("A1 LOGIN bob \"<SECRET:password>\"");
    }

    @Test
    void aHugeTemplateWordOverflowsNothing() {
        String line = "payload " + "x".repeat(200_000);
        assertThat(redactor.redactTemplate(line, Map.of(line, line))).isEqualTo(line);
    }

    @Test
    void aTemplateLosesTheWordsItsLinesLoseToRedaction() {
        String line = "+id|GET /r|Host:10.0.0.1%3a80|Authorization:Basic Ym9iOmZvcmVuc2ljcHc=|Accept:*/* sent";
        assertThat(redactor.redactTemplate("<*> <PATH> <*> Ym9iOmZvcmVuc2ljcHc=<*> sent",
                Map.of(line, redactor.redact(line)))).isEqualTo("<*> <PATH> <*> <*><*> sent");
        // the cookie runs to the line's end and takes "done" with it; a semicolon alone is no secret
        String cookie = "GET /cart Cookie: sid=1; done";
        assertThat(redactor.redactTemplate("<*> <PATH> <*> <*>; done", Map.of(cookie, redactor.redact(cookie))))
                .isEqualTo("<*> <PATH> <*> <*>; <*>");
        assertThat(redactor.redactTemplate("password=hunter2 for <*>", Map.of()))
                .isEqualTo("password=<SECRET:password> for <*>");
    }

    /** SASL's PLAIN message is text; bytes that decode with two zero bytes by chance are none. */
    @Test
    void saslPlainIsTwoZeroBytesBetweenText() {
        assertThat(Redactor.saslPlain("AGRhdmUAcHcxMjM=")).as("NUL dave NUL pw123").isTrue();
        assertThat(Redactor.saslPlain("AGRhdmUAcHcxMjM")).as("its padding left off").isTrue();
        assertThat(Redactor.saslPlain("AKIAIOSFODNN7EXAMPLE")).as("00 a2 00 20 e4 85 ...: no UTF-8").isFalse();
        assertThat(Redactor.saslPlain("AGRhdmUAcHcxMjMK")).as("a line feed after the password").isFalse();
        assertThat(Redactor.saslPlain("AGRhdmUAcHcxMjM==x")).isFalse();
    }

    /** The cheap scan before the SASL rule lets every PLAIN message through, whatever its bytes' places. */
    @Test
    void theSaslScanMissesNoPlainMessage() {
        java.util.Random random = new java.util.Random(11);
        for (int n = 0; n < 5_000; n++) {
            String message = word(random, random.nextInt(3)) + "\0" + word(random, 1 + random.nextInt(8)) + "\0"
                    + word(random, 1 + random.nextInt(12));
            String base64 = java.util.Base64.getEncoder().encodeToString(
                    message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            boolean ruleReads = base64.replace("=", "").length() >= 8; // the rule's shortest word
            assertThat(ruleReads && Redactor.saslPlain(base64) && !Redactor.mayHoldSaslPlain("resp=" + base64))
                    .as(base64).isFalse();
        }
        assertThat(Redactor.mayHoldSaslPlain("GET /api/v1/orders/123456/items/9f86d081 200")).isFalse();
    }

    /**
     * A line ending with a base64 word of text, after what a transcript puts before it, is redacted: neither the cheap
     * scan before the rule nor the rule misses one, and a word of bytes or a prompt stays.
     */
    @Test
    void everyLoginExchangeLineIsFound() {
        java.util.Random random = new java.util.Random(12);
        String[] befores = {"", "> ", "send: '", "1796628764.414155 ", "s-nail: >>> ", "  "};
        String[] afters = {"", "\\r\\n'", "'", "  ", "\r"};
        for (int n = 0; n < 5_000; n++) {
            String decoded = word(random, 6 + random.nextInt(30));
            String base64 = java.util.Base64.getEncoder().encodeToString(
                    decoded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String line = befores[random.nextInt(befores.length)] + base64 + afters[random.nextInt(afters.length)];
            String text = random.nextBoolean() ? line : "first line\n" + line + "\nlast line";
            boolean isText = decoded.chars().anyMatch(Character::isLetter) && !decoded.endsWith(":")
                    && base64.chars().anyMatch(Character::isUpperCase)
                    && base64.chars().anyMatch(Character::isLowerCase);
            assertThat(new Redactor().redact(text).contains("<SECRET:password>")).as(text).isEqualTo(isText);
        }
        assertThat(Redactor.mayEndInBase64("GET /api/v1/orders 200\nconnected to db")).isFalse();
    }

    private static String word(java.util.Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return word.toString();
    }

    /**
     * A hex dump's rows as twelve tools print them, of random bytes (a password's among them), alone or between other
     * lines, two behind a log's header: each loses its bytes and their text, keeps its offset; the scan before the rule
     * misses none.
     */
    @Test
    void everyHexDumpRowLosesItsBytes() {
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 3_000; n++) {
            int style = random.nextInt(12);
            // a row needs two groups, an offset without a colon (hexdump -C's, od's) four: "20261207 10 55 08" is a
            // date
            boolean bare = style == 1 || style == 3 || style == 10;
            boolean pair = style == 2 || style == 5;
            int least = bare ? 4 : pair ? 3 : 2;
            byte[] bytes = new byte[least + random.nextInt(17 - least)];
            random.nextBytes(bytes);
            int offset = 16 * random.nextInt(4096);
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int i = 0; i < bytes.length; i++) {
                String middle = style == 1 || style == 7 ? "  " : style == 6 ? "-" : style == 11 ? "   " : " ";
                hex.append(pair && i % 2 == 1 ? "" : i == 0 ? "" : i % 8 == 0 ? middle : " ")
                        .append(String.format(style == 4 || style == 7 || style == 11 ? "%02X" : "%02x", bytes[i]));
                ascii.append(bytes[i] >= 32 && bytes[i] < 127 ? (char) bytes[i] : '.');
            }
            String row = switch (style) {
                case 0 -> String.format("%04x: %s %s", offset, hex, ascii);
                case 1 -> String.format("%08x  %s  |%s|", offset, hex, ascii);
                case 2 -> String.format("%08x: %s  %s", offset, hex, ascii);
                case 3 -> String.format("%06x %s  >%s<", offset, hex, ascii);
                case 4 -> String.format("%04d: %s    %s", offset, hex, ascii);
                case 5 -> String.format("\t0x%04x:  %s  %s", offset, hex, ascii);
                case 6 -> String.format("%04x - %s   %s", offset, hex, ascii);
                case 7 -> String.format("  %04X: %s  %s", offset, hex, ascii);
                case 8 -> String.format("6b16a785.0ce5%04x 0x7f00a25fe6c0   %04x:  %s   %s  ", offset, offset, hex,
                        ascii);
                case 9 -> String.format("Dec  7 12:00:01 host kernel: [ 12.345678] usb 1-1: %08x: %s  %s", offset, hex,
                        ascii);
                case 10 -> String.format("%04x  %s   %s", offset, hex, ascii);
                default -> String.format("[%04X] %s   %s", offset, hex, ascii);
            };
            String text = random.nextBoolean() ? row : "=> Send data\n" + row + "\n== Info: done";
            String redacted = new Redactor().redact(text);
            assertThat(redacted).as(text).contains("<SECRET:bytes>").doesNotContain(hex.substring(0, 5));
        }
    }

    @Test
    void aPrivateKeyOverManyLinesGoesWhole() {
        String pem = "loaded key\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n"
                + "-----END PRIVATE KEY-----\ndone";
        assertThat(redactor.redact(pem)).isEqualTo("loaded key\n<SECRET:private-key>\ndone");
        assertThat(redactor.redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"))
                .isEqualTo("<SECRET:private-key>");
    }

    @Test
    void countsEachRedactionBySourceAndKind() {
        redactor.redact("a.log", "password=x1 and password=x2 from jane@example.com");
        redactor.redact("b.log", "key AKIAIOSFODNN7EXAMPLE");
        redactor.redact("b.log", "nothing here");

        assertThat(redactor.redactions().snapshot()).containsOnlyKeys("a.log", "b.log");
        assertThat(redactor.redactions().snapshot().get("a.log")).containsEntry("password", 2L)
                .containsEntry("email", 1L);
        assertThat(redactor.redactions().totals()).containsEntry("aws-key", 1L).containsEntry("password", 2L);
    }

    @Test
    void problemsQuoteNoSecret() {
        Problem problem = new Problem("dump.json", "line 3", "span name 'GET /reset/eyJhbGciOiJIUzI1NiJ9.eyJzdWIi'"
                + " is not valid");
        assertThat(redactor.redact(problem).reason()).isEqualTo("span name 'GET /reset/<SECRET:jwt>' is not valid");
        Problem clean = new Problem("dump.json", "line 4", "no spans");
        assertThat(redactor.redact(clean)).isSameAs(clean);
    }
}
