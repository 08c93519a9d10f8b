package dev.sloscout.engine.capsule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The header layout learnt from a few lines of each common log format, written from each logger's documented default
 * pattern: the first line's time, severity and component, and the exact message body kept. Every format is learnt
 * from its own lines only; nothing is configured.
 */
class HeaderLayoutFormatsTest {
    private static final Severity NONE = Severity.UNKNOWN;

    record Expected(String time, Severity severity, String component, String body) {
    }

    private static Arguments format(String name, String lines, String time, Severity severity, String component,
            String body) {
        return Arguments.of(name, lines.lines().toList(), new Expected(time, severity, component, body));
    }

    static Stream<Arguments> formats() {
        return Stream.of(
            format("RabbitMQ 3.9+, mostly one message (its words and brackets keep their place)", """
                2024-03-01 12:00:00.901735+00:00 [info] <0.250.0> accepting AMQP connection <0.250.0> (10.0.0.7:50312 -> 10.0.0.1:5672)
                2024-03-01 12:00:01.510183+00:00 [info] <0.730.0> accepting AMQP connection <0.730.0> (10.0.0.8:50400 -> 10.0.0.1:5672)
                2024-03-01 12:00:02.117293+00:00 [warning] <0.730.0> closing AMQP connection <0.730.0> (10.0.0.8:50400 -> 10.0.0.1:5672, vhost: '/', user: 'shop')
                """, "2024-03-01T12:00:00.901Z", Severity.INFO, "",
                "accepting AMQP connection <0.250.0> (10.0.0.7:50312 -> 10.0.0.1:5672)"),
            format("Erlang/OTP legacy report header, the message's first line joined to it", """
                =ERROR REPORT==== 3-Dec-2026::15:06:08.309562 === ** Generic server cart terminating
                =PROGRESS REPORT==== 3-Dec-2026::15:06:08.236250 === application: kernel
                =WARNING REPORT==== 3-Dec-2026::15:06:08.307874 === cache miss for key user:42
                =CRASH REPORT==== 3-Dec-2026::15:06:08.309763 === crasher:
                """, "2026-12-03T15:06:08.309Z", Severity.ERROR, "", "** Generic server cart terminating"),
            format("Samba, the message under its header joined to it", """
                [2026/12/04 08:11:34.536669,  0] ../../source3/param/loadparm.c:3562(process_usershare_file) process_usershare_file: stat of /var/lib/samba/usershares failed. Permission denied
                [2026/12/04 08:11:32.356343,  2] ../../source3/smbd/server.c:1744(main) uid=0 gid=0 euid=0 egid=0
                [2026/12/04 08:11:32.401000,  1, pid=25424] ../../source3/passdb/pdb_tdb.c:365(tdbsam_open) tdbsam_open: converting version 0 database
                [2026/12/04 08:11:40.000000, 10] ../../source3/smbd/smb2_server.c:4050(smbd_smb2_request_dispatch) read from socket
                """, "2026-12-04T08:11:34.536Z", Severity.ERROR,
                "../../source3/param/loadparm.c:3562(process_usershare_file)",
                "process_usershare_file: stat of /var/lib/samba/usershares failed. Permission denied"),
            format("OpenLDAP (slapd 2.5 on): its time in hexadecimal, its thread's id", """
                6b128ca1.0ff7dc88 0x7fbfaf368200 slapd starting
                6b128ca3.2a3c5b10 0x7fbf6cffe6c0 conn=1000 fd=12 ACCEPT from IP=127.0.0.1:42048 (IP=127.0.0.1:3890)
                6b128ca3.2a3d0000 0x7fbf6d7ff6c0 conn=1000 op=0 BIND dn="" method=128
                6b128ca3.31da7a79 0x7fbfaf368200 slapd stopped.
                """, "2026-12-04T09:49:21.267Z", NONE, "", "slapd starting"),
            format("WebSphere Liberty: a short US date with a comma, the audit letter A before an IBM message id", """
                [12/5/26, 16:40:00:123 UTC] 00000001 com.ibm.ws.kernel.launch.internal.FrameworkManager           A CWWKE0001I: The server defaultServer has been launched.
                [12/5/26, 16:40:01:456 UTC] 00000024 com.ibm.ws.kernel.feature.internal.FeatureManager            I CWWKF0007I: Feature update started.
                [12/5/26, 16:40:02:456 UTC] 0000002a com.ibm.ws.webcontainer.servlet                              E SRVE0777E: Exception thrown by application class 'com.acme.Orders.doGet:12'
                [12/5/26, 16:40:04:000 UTC] 00000030 com.ibm.ws.http.internal.VirtualHostImpl                     W SRVE0190E: File not found: /nope
                """, "2026-12-05T16:40:00.123Z", Severity.INFO, "CWWKE0001I",
                "The server defaultServer has been launched."),
            format("Slurm's daemons: a job's step in brackets before the level the message opens with", """
                [2026-12-06T05:32:50.910] [5.batch] error: *** JOB 5 ON vm CANCELLED AT 2026-12-06T05:32:50 DUE TO TIME LIMIT ***
                [2026-12-06T05:31:30.640] Launching batch job 3 for UID 0
                [2026-12-06T05:31:32.742] [3.batch] done with job
                [2026-12-06T05:31:22.634] error: MPI: Cannot create context for mpi/pmix
                """, "2026-12-06T05:32:50.910Z", Severity.ERROR, "",
                "[5.batch] error: *** JOB 5 ON vm CANCELLED AT 2026-12-06T05:32:50 DUE TO TIME LIMIT ***"),
            format("Nagios Core (Icinga 1, Naemon): the epoch in brackets, a state record as severe as its state", """
                [1796536320] SERVICE ALERT: shop-web-1;Redis;OK;HARD;2;PROCS OK: 3 processes with command name 'redis-server'
                [1796536214] Nagios 4.4.6 starting... (PID=18307)
                [1796536304] SERVICE ALERT: shop-web-1;Checkout API;CRITICAL;HARD;2;CRITICAL - Socket timeout after 10 seconds
                [1796536274] Warning: Unrecognized external command -> NO_SUCH_COMMAND;x
                """, "2026-12-06T05:52:00Z", Severity.INFO, "",
                "SERVICE ALERT: shop-web-1;Redis;OK;HARD;2;PROCS OK: 3 processes with command name 'redis-server'"),
            format("Zabbix (server, proxy, agent): its process's id glued to its time", """
                 30534:20261204:100145.155 Starting Zabbix Agent [shop-web-1]. Zabbix 6.0.14 (revision 3f184b456c7).
                 30535:20261204:100145.162 agent #1 started [collector]
                 30539:20261204:100145.172 Unable to connect to [127.0.0.1]:10059 [cannot connect to [[127.0.0.1]:10059]]
                """, "2026-12-04T10:01:45.155Z", NONE, "",
                "Starting Zabbix Agent [shop-web-1]. Zabbix 6.0.14 (revision 3f184b456c7)."),
            format("strongSwan's charon: the thread's number glued to its subsystem after syslog's time", """
                Dec  4 21:29:33 00[DMN] Starting IKE charon daemon (strongSwan 5.9.8, Linux 6.1.0, x86_64)
                Dec  4 21:29:33 00[LIB] plugin 'aes': loaded successfully
                Dec  4 21:29:33 12[IKE] <shop|1> initiating IKE_SA shop[1] to 192.0.2.10
                Dec  4 21:29:41 03[NET] waiting for data on sockets
                """, "2024-12-04T21:29:33Z", NONE, "DMN",
                "Starting IKE charon daemon (strongSwan 5.9.8, Linux 6.1.0, x86_64)"),
            format("LXC's log: the tool and the container before a compact time, the level padded, the source", """
                lxc-start c1 20261204202627.551 ERROR    network - ../src/lxc/network.c:netdev_configure_server_veth:711 - Failed to attach "vethNRuYDn" to bridge "lxcbr0"
                lxc-start c1 20261204202627.542 INFO     start - ../src/lxc/start.c:lxc_check_inherited:325 - Closed inherited fd 10
                lxc-create c1 20261204202626.351 DEBUG    storage - ../src/lxc/storage/storage.c:get_storage_by_name:209 - Detected rootfs type "dir"
                lxc-start nosuch 20261204202626.338 ERROR    lxc_start - ../src/lxc/tools/lxc_start.c:main:266 - No container config specified
                """, "2026-12-04T20:26:27.551Z", Severity.ERROR, "network",
                "Failed to attach \"vethNRuYDn\" to bridge \"lxcbr0\""),
            format("Apache Traffic Server's error log: its time with the units' letters, a category", """
                20261204.20h00m11s CONNECT: attempt fail [CONNECTION_ERROR] to 127.0.0.1:9 for host='127.0.0.2' attempts=0
                20261204.20h00m11s CONNECT: attempt fail [CONNECTION_ERROR] to 127.0.0.1:9 for host='127.0.0.2' attempts=1
                20261204.20h00m12s RESPONSE: sent 127.0.0.1 status 502 (Connect Error) for 'http://127.0.0.1:9/x'
                """, "2026-12-04T20:00:11Z", NONE, "CONNECT",
                "attempt fail [CONNECTION_ERROR] to 127.0.0.1:9 for host='127.0.0.2' attempts=0"),
            format("Python's logging, the level glued to a time with a comma (certbot's): no thread after the logger", """
                2026-12-04 10:01:00,821:DEBUG:certbot._internal.main:Arguments: ['--config-dir', '/tmp/le']
                2026-12-04 10:01:00,820:DEBUG:certbot._internal.main:certbot version: 2.1.0
                2026-12-04 10:01:01,693:INFO:certbot._internal.plugins.selection:Plugins selected: Authenticator standalone
                """, "2026-12-04T10:01:00.821Z", Severity.DEBUG, "certbot._internal.main",
                "Arguments: ['--config-dir', '/tmp/le']"),
            format("OpenVPN at verbosity 4: microseconds after the time, its settings listed (most of its lines)", """
                2026-12-04 09:58:47 us=470764   config = '[UNDEF]'
                2026-12-04 09:58:47 us=470772   mode = 0
                2026-12-04 09:58:47 us=470779   persist_config = DISABLED
                2026-12-04 09:58:47 us=475450   persist_mode = 1
                2026-12-04 09:58:47 us=475465   show_ciphers = DISABLED
                2026-12-04 09:58:47 us=475531   show_digests = DISABLED
                2026-12-04 09:58:47 us=475537   show_engines = DISABLED
                2026-12-04 09:58:47 us=475544   genkey = DISABLED
                2026-12-04 09:58:47 us=470757 Current Parameter Settings:
                2026-12-04 09:58:49 us=715591 Peer Connection Initiated with [AF_INET]127.0.0.1:11941
                """, "2026-12-04T09:58:47.470Z", NONE, "", "config = '[UNDEF]'"),
            format("Icinga 2: the level and the facility, parted by a slash", """
                [2026-12-04 10:15:49 +0000] information/ConfigItem: Instantiated 12 Services.
                [2026-12-04 10:15:20 +0000] critical/Application: Could not open PID file '/run/icinga2/icinga2.pid'.
                [2026-12-04 10:15:49 +0000] warning/PluginCheckTask: Check command for object 'web-1!http' terminated
                """, "2026-12-04T10:15:49Z", Severity.INFO, "ConfigItem", "Instantiated 12 Services."),
            format("Puppet's log file: the source, a resource whose title holds spaces, then the level", """
                2026-12-05 09:39:07 +0000 /Stage[main]/Main/Notify[disk is full]/message (notice): defined 'message'
                2026-12-05 09:39:05 +0000 Puppet (err): '/bin/false' returned 1 instead of one of [0]
                2026-12-05 09:39:05 +0000 /Stage[main]/Main/Exec[fails]/returns (err): change from 'notrun' failed
                2026-12-05 09:39:04 +0000 Scope(Class[main]) (warning): a warning from the manifest
                """, "2026-12-05T09:39:07Z", Severity.INFO, "/Stage[main]/Main/Notify[disk is full]/message",
                "defined 'message'"),
            format("Perl's Net::Server (munin-node): a dash between the date and the time, the pid in brackets", """
                2026/12/05-10:25:43 [9517] Configuring entropy
                2026/12/05-10:25:44 [9517] Finished configuring services
                2026/12/05-10:25:47 [9808] DEBUG: Running command 'fetch cpu'.
                """, "2026-12-05T10:25:43Z", NONE, "", "Configuring entropy"),
            format("Netdata's error log: a thread's name with a space in its brackets", """
                2026-12-05 04:30:20: netdata INFO  : PLUGIN[diskspace slow] : thread created with task id 17372
                2026-12-05 04:30:18: netdata INFO  : MAIN : TIMEZONE: fixed as 'Etc/UTC'
                2026-12-05 04:30:20: netdata ERROR : PLUGIN[proc] : Cannot read /proc/net/snmp6
                """, "2026-12-05T04:30:20Z", Severity.INFO, "PLUGIN[diskspace slow]",
                "thread created with task id 17372"),
            format("stunnel: a dotted date, syslog's level number glued to the thread or connection", """
                2026.12.04 12:49:38 LOG3[ui]: No trusted certificates found
                2026.12.04 12:49:38 LOG5[ui]: stunnel 5.68 on x86_64-pc-linux-gnu platform
                2026.12.04 12:49:38 LOG7[ui]: Clients allowed=9765
                2026.12.04 12:49:39 LOG5[0]: Service [web] accepted connection from 127.0.0.1:54780
                2026.12.04 12:49:40 LOG3[2]: s_connect: connect 127.0.0.1:1: Connection refused (111)
                """, "2026-12-04T12:49:38Z", Severity.ERROR, "", "No trusted certificates found"),
            format("Murmur (mumble-server): its level's letter in angle brackets, glued to the time", """
                <C>2026-12-04 12:53:28.257 Failed to set priority limits.
                <W>2026-12-04 12:53:28.303 Murmur 1.3.4 (1.3.4-4) running on X11: Debian GNU/Linux 12 (bookworm)
                <W>2026-12-04 12:53:28.328 1 => Server listening on 127.0.0.1:64738
                <W>2026-12-04 12:53:32.095 1 => <1:(-1)> New connection: 127.0.0.1:39738
                """, "2026-12-04T12:53:28.257Z", Severity.ERROR, "", "Failed to set priority limits."),
            format("PowerDNS Recursor's structured log: its level is prio=, level= is its verbosity", """
                Dec 04 12:54:29 msg="Failed to update . records" subsystem="housekeeping" level="0" prio="Warning" tid="0" ts="1796388869.573" rcode="3"
                Dec 04 12:54:29 msg="Launching worker threads" subsystem="config" level="0" prio="Notice" tid="0" ts="1796388869.066" count="2"
                Dec 04 12:54:32 msg="Question" subsystem="syncres" level="0" prio="Info" tid="2" ts="1796388872.023" ecs="" mtid="1" proto="udp" qname="example.com" qtype="A" remote="127.0.0.1:60227"
                """, "2024-12-04T12:54:29Z", Severity.WARN, "",
                "msg=\"Failed to update . records\" subsystem=\"housekeeping\" level=\"0\" prio=\"Warning\" tid=\"0\" "
                        + "ts=\"1796388869.573\" rcode=\"3\""),
            format("Pekko's (Akka's) standard out logger, a marker glued to the time on some lines", """
                [INFO] [pekkoDeadLetter][12/04/2026 13:03:45.138] [shop-pekko.actor.default-dispatcher-7] [pekko://shop/user/pricing-2] Message [java.lang.String] to Actor[pekko://shop/user/pricing-2#-160577453] was not delivered. [1] dead letters encountered.
                [INFO] [12/04/2026 13:03:44.306] [shop-pekko.actor.default-dispatcher-5] [pekko://shop/user/pricing-1] worker pricing-1 started
                [WARN] [12/04/2026 13:03:44.372] [shop-pekko.actor.default-dispatcher-7] [pekko://shop/user/pricing-2] order 5 slow: 905 ms
                [DEBUG] [12/04/2026 13:03:44.308] [shop-pekko.actor.default-dispatcher-6] [pekko://shop/user/pricing-2] order 1 priced
                """, "2026-12-04T13:03:45.138Z", Severity.INFO, "",
                "Message [java.lang.String] to Actor[pekko://shop/user/pricing-2#-160577453] was not delivered. "
                        + "[1] dead letters encountered."),
            format("ejabberd: the process's id and its module, function and line glued to it", """
                2026-12-04 13:55:39.142774+00:00 [warning] <0.123.0>@gen_mod:warn_soft_dep_fail/2:582 Module mod_mam is recommended for module mod_muc but is not found in the config
                2026-12-04 13:55:39.027229+00:00 [info] <0.123.0>@ejabberd_config:load/1:82 Loading configuration from /etc/ejabberd/ejabberd.yml
                2026-12-04 13:55:39.634037+00:00 [info] <0.205.0>@ejabberd_mnesia:create/2:270 Creating Mnesia ram table 'route'
                """, "2026-12-04T13:55:39.142Z", Severity.WARN, "gen_mod",
                "Module mod_mam is recommended for module mod_muc but is not found in the config"),
            format("Elixir's console logger", """
                15:05:18.003 [error] Task #PID<0.99.0> started from #PID<0.96.0> terminating
                15:05:18.000 [info] starting worker pool size=4
                15:05:18.002 [warning] cache miss for key user:42
                """, "15:05:18.003", Severity.ERROR, "", "Task #PID<0.99.0> started from #PID<0.96.0> terminating"),
            format("Elixir's console logger with metadata before the level (Phoenix's request_id)", """
                11:50:44.961 request_id=F-7xQ2abc order=4 [warning] payment provider slow: 1200 ms
                11:50:44.958 [info] starting shop on port 4000
                11:50:44.962 request_id=F-7xQ2abd [info] Sent 200 in 2ms
                11:50:44.964 [error] GenServer Shop.Cart terminating
                """, "11:50:44.961", Severity.WARN, "", "payment provider slow: 1200 ms"),
            format("java.util.logging's OneLineFormatter (Tomcat's catalina log)", """
                03-Dec-2026 15:39:58.516 INFO [main] org.apache.catalina.startup.VersionLoggerListener.log Server version name:   Apache Tomcat/10.1.60 (Debian)
                03-Dec-2026 15:39:58.888 INFO [main] org.apache.catalina.startup.Catalina.load Server initialization in [372] milliseconds
                03-Dec-2026 15:40:06.572 SEVERE [http-nio-8092-exec-3] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet [jsp] threw exception
                03-Dec-2026 15:39:58.931 INFO [main] org.apache.catalina.core.StandardService.startInternal Starting service [Catalina]
                """, "2026-12-03T15:39:58.516Z", Severity.INFO, "org.apache.catalina.startup.VersionLoggerListener.log",
                "Server version name:   Apache Tomcat/10.1.60 (Debian)"),
            format("logback default", """
                12:00:00.123 [main] INFO  c.a.shop.Checkout - order 42 placed
                12:00:01.456 [http-nio-8080-exec-1] WARN  c.a.shop.Payment - card declined for order 43
                12:00:02.789 [main] ERROR c.a.shop.Checkout - order 44 failed: timeout
                """, "12:00:00.123", Severity.INFO, "c.a.shop.Checkout", "order 42 placed"),
            format("log4j2 default", """
                2024-03-01 12:00:00.123 [main] INFO  com.acme.shop.Checkout - order 42 placed
                2024-03-01 12:00:01.456 [pool-2-thread-1] DEBUG com.acme.shop.Cache - cache miss for key cart:43
                2024-03-01 12:00:02.789 [main] ERROR com.acme.shop.Checkout - order 44 failed
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "com.acme.shop.Checkout", "order 42 placed"),
            format("log4j ISO8601 with thread and logger colon (Hadoop)", """
                2024-03-01 12:00:00,123 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created job 7
                2024-03-01 12:00:01,456 WARN [IPC Server handler 3 on 8030] org.apache.hadoop.ipc.Server: slow call
                2024-03-01 12:00:02,789 INFO [AsyncDispatcher event handler] org.apache.hadoop.yarn.Foo: task done
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "org.apache.hadoop.mapreduce.v2.app.MRAppMaster",
                "Created job 7"),
            format("Spring Boot 2 console", """
                2024-03-01 12:00:00.112  INFO 45469 --- [           main] o.s.b.w.e.tomcat.TomcatWebServer         : Tomcat started on port(s): 8080 (http)
                2024-03-01 12:00:00.300  WARN 45469 --- [nio-8080-exec-1] o.s.web.servlet.PageNotFound             : No mapping for GET /favicon.ico
                2024-03-01 12:00:01.050 ERROR 45469 --- [nio-8080-exec-2] c.a.shop.CheckoutController              : Checkout failed for cart 9
                """, "2024-03-01T12:00:00.112Z", Severity.INFO, "o.s.b.w.e.tomcat.TomcatWebServer",
                "Tomcat started on port(s): 8080 (http)"),
            format("Spring Boot 3 console, a long logger cut from the left", """
                2024-03-01T12:00:42.312Z  INFO 4490 --- [           main] .s.b.a.l.ConditionEvaluationReportLogger : Error starting ApplicationContext.
                2024-03-01T12:00:41.643Z  INFO 4490 --- [           main] o.apache.catalina.core.StandardService   : Starting service [Tomcat]
                2024-03-01T12:00:42.295Z  WARN 4490 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization
                """, "2024-03-01T12:00:42.312Z", Severity.INFO, ".s.b.a.l.ConditionEvaluationReportLogger",
                "Error starting ApplicationContext."),
            format("Spring Boot 3 console with application name", """
                2024-03-01T12:00:00.112+01:00  INFO 45469 --- [shop] [           main] c.a.shop.ShopApplication                 : Started ShopApplication in 0.906 seconds (process running for 6.514)
                2024-03-01T12:00:00.200+01:00  WARN 45469 --- [shop] [nio-8080-exec-1] c.a.shop.web.CartController              : Cart 7 is empty
                2024-03-01T12:00:00.300+01:00 DEBUG 45469 --- [shop] [nio-8080-exec-2] c.a.shop.web.CartController              : Cart 8 has 3 items
                """, "2024-03-01T11:00:00.112Z", Severity.INFO, "c.a.shop.ShopApplication",
                "Started ShopApplication in 0.906 seconds (process running for 6.514)"),
            format("Rust tracing-subscriber's default", """
                2024-03-01T12:00:00.088994Z  INFO shop::orders: order 42 placed
                2024-03-01T12:00:01.000001Z  WARN shop::payments: payment slow: 1200ms
                2024-03-01T12:00:02.000002Z ERROR shop::orders: could not save order 44
                """, "2024-03-01T12:00:00.088Z", Severity.INFO, "shop::orders", "order 42 placed"),
            format("Rust env_logger's default", """
                [2024-03-01T12:00:00Z INFO  shop::orders] order 42 placed
                [2024-03-01T12:00:01Z WARN  shop::payments] payment slow: 1200ms
                [2024-03-01T12:00:02Z ERROR shop::orders] could not save order 44
                """, "2024-03-01T12:00:00Z", Severity.INFO, "", "order 42 placed"), // the module in the bracket
            format("Jetty 10-12 (jetty-slf4j-impl): fields glued by colons", """
                2024-03-01 12:00:28.071:INFO :oejs.Server:main: jetty-12.0.14; built: 2024-09-30T14:22:54.197Z
                2024-03-01 12:00:31.876:WARN :cas.Orders:qtp1192108080-16: order 1 is slow
                2024-03-01 12:00:31.940:WARN :oejs.Response:qtp1192108080-17: writeError: status=500
                """, "2024-03-01T12:00:28.071Z", Severity.INFO, "oejs.Server:main", // the logger and the thread
                "jetty-12.0.14; built: 2024-09-30T14:22:54.197Z"),
            format("Jetty 9 (StdErrLog)", """
                2024-03-01 12:00:00.456:INFO:oejs.Server:main: jetty-9.4.53.v20231009; built: 2023-10-09T12:29:09.265Z
                2024-03-01 12:00:01.789:WARN:oejs.HttpChannel:qtp1234-21: /orders/7
                2024-03-01 12:00:02.000:INFO:oejs.AbstractConnector:main: Started ServerConnector@6d1e7682
                """, "2024-03-01T12:00:00.456Z", Severity.INFO, "oejs.Server", // the logger; the thread taken off
                "jetty-9.4.53.v20231009; built: 2023-10-09T12:29:09.265Z"),
            format("Python logging's default format, a message opening with a word and a colon", """
                WARNING:root:Retrying: order 7
                INFO:shop.orders:Placed: order 42
                ERROR:shop.orders:Failed: order 43
                """, "-", Severity.WARN, "root", "Retrying: order 7"),
            format("Python logging basicConfig default", """
                WARNING:root:Watch out, disk 91% full
                INFO:shop.orders:order 42 placed
                ERROR:shop.payment:card declined for order 43
                """, "-", Severity.WARN, "root", "Watch out, disk 91% full"),
            format("Python logging asctime - name - levelname", """
                2024-03-01 12:00:00,123 - shop.orders - INFO - order 42 placed
                2024-03-01 12:00:01,456 - shop.payment - ERROR - card declined for order 43
                2024-03-01 12:00:02,789 - shop.orders - DEBUG - cart 44 loaded
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "shop.orders", "order 42 placed"),
            format("gunicorn", """
                [2024-03-01 12:00:00 +0000] [12345] [INFO] Starting gunicorn 21.2.0
                [2024-03-01 12:00:00 +0000] [12345] [INFO] Listening at: http://0.0.0.0:8000 (12345)
                [2024-03-01 12:00:01 +0000] [12350] [ERROR] Worker (pid:12350) was sent SIGKILL! Perhaps out of memory?
                """, "2024-03-01T12:00:00Z", Severity.INFO, "", "Starting gunicorn 21.2.0"),
            format("glog / klog", """
                I0301 12:00:00.123456   12345 main.go:42] Starting server on :8080
                W0301 12:00:01.000001   12345 cache.go:117] cache miss rate 31%
                E0301 12:00:02.500000   12346 handler.go:88] request 7 failed: context deadline exceeded
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "main.go", "Starting server on :8080"),
            format("Chromium's base/logging (Chrome, Electron, CEF): process, thread, time, level in a bracket", """
                [6689:6717:1205/141522.993280:ERROR:dbus/bus.cc:405] Failed to connect to the bus: No such file
                [6731:6731:1205/141523.117921:WARNING:media/gpu/vaapi/vaapi_wrapper.cc:1655] drmGetDevices2() has not found any devices
                [6709:6709:1205/141522.970562:INFO:third_party/webrtc/rtc_base/cpu_info.cc:77] Available number of cores: 2
                [6689:6689:1205/141523.318469:VERBOSE1:chrome/browser/profiles/profile_impl.cc(912)] Profile created
                """, "2024-12-05T14:15:22.993Z", Severity.ERROR, "", "Failed to connect to the bus: No such file"),
            format("X.Org server (Xorg.0.log): seconds since its start, a marker for the level", """
                [   247.909] (WW) The directory "/usr/share/fonts/X11/misc" does not exist.
                [   247.908] (==) Using system config directory "/usr/share/X11/xorg.conf.d"
                [   247.913] (EE) Failed to load module "nosuchmodule" (module does not exist, 0)
                [   247.914] (II) DUMMY(0): Chipset is a DUMMY
                [   247.914] (--) Depth 24, (--) framebuffer bpp 32
                """, "-", Severity.WARN, "", "The directory \"/usr/share/fonts/X11/misc\" does not exist."),
            format("ODL (GlassFish, Payara): eight brackets, a message of many lines joined to them", """
                [2026-12-05T14:43:37.488+0000] [] [SEVERE] [] [shop.orders] [tid: _ThreadID=70 _ThreadName=http-thread-pool::http-listener(2)] [timeMillis: 1796481817488] [levelValue: 1000] cannot parse order 21
                [2026-12-05T14:43:31.469+0000] [] [INFO] [NCLS-CORE-00087] [javax.enterprise.system.core] [tid: _ThreadID=25 _ThreadName=RunLevelControllerThread-1796481807957] [timeMillis: 1796481811469] [levelValue: 800] Grizzly 4.1.0 started in: 57ms - bound to [http-listener:18080]
                [2026-12-05T14:43:26.342+0000] [] [WARNING] [] [PayaraMicro] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1796481806342] [levelValue: 900] Payara Micro Runtime directory is located in a temporary file location
                [2026-12-05T14:43:37.340+0000] [] [INFO] [] [shop.orders] [tid: _ThreadID=69 _ThreadName=http-thread-pool::http-listener(1)] [timeMillis: 1796481817340] [levelValue: 800] order 1 requested
                """, "2026-12-05T14:43:37.488Z", Severity.ERROR, "", "cannot parse order 21"),
            format("GlassFish's uniform format (ULF): pipe-delimited between [#| and |#]", """
                [#|2026-12-05T14:59:20.636+0000|INFO||fish.payara.micro.boot.runtime.PayaraMicroRuntimeBuilder|_ThreadID=1;_ThreadName=main;_TimeMillis=1796482760636;_LevelValue=800;|Built Payara Micro Runtime|#]
                [#|2026-12-05T14:59:20.599+0000|WARNING||PayaraMicro|_ThreadID=1;_ThreadName=main;_TimeMillis=1796482760599;_LevelValue=900;|Payara Micro Runtime directory is located in a temporary file location|#]
                [#|2026-12-05T14:59:31.980+0000|SEVERE||shop.orders|_ThreadID=70;_ThreadName=http-thread-pool::http-listener(2);_TimeMillis=1796482771980;_LevelValue=1000;|cannot parse order 21
                [#|2026-12-05T14:59:31.791+0000|INFO||shop.orders|_ThreadID=69;_ThreadName=http-thread-pool::http-listener(1);_TimeMillis=1796482771791;_LevelValue=800;|order 1 requested|#]
                """, "2026-12-05T14:59:20.636Z", Severity.INFO, "fish.payara.micro.boot.runtime.PayaraMicroRuntimeBuilder",
                "Built Payara Micro Runtime"),
            format("zap development console (tabs)", """
                2024-03-01T12:00:00.000Z\tINFO\tserver/main.go:42\tServer started\t{"port": 8080}
                2024-03-01T12:00:01.000Z\tWARN\tcache/cache.go:17\tcache miss rate high\t{"rate": 0.31}
                2024-03-01T12:00:02.000Z\tERROR\thttp/handler.go:88\trequest failed\t{"id": 7}
                """, "2024-03-01T12:00:00Z", Severity.INFO, "server/main.go:42", "Server started\t{\"port\": 8080}"),
            format("logrus text (logfmt)", """
                time="2024-03-01T12:00:00Z" level=info msg="Server started" port=8080
                time="2024-03-01T12:00:01Z" level=warning msg="cache miss rate high" rate=0.31
                time="2024-03-01T12:00:02Z" level=error msg="request failed" id=7
                """, "2024-03-01T12:00:00Z", Severity.INFO, "", "msg=\"Server started\" port=8080"),
            format("Traefik (logfmt)", """
                time="2024-03-01T12:00:00Z" level=info msg="Configuration loaded from flags."
                time="2024-03-01T12:00:01Z" level=info msg="Traefik version 2.10.4 built on 2023-07-24T16:31:34Z"
                time="2024-03-01T12:00:02Z" level=error msg="Cannot start the provider *file.Provider"
                """, "2024-03-01T12:00:00Z", Severity.INFO, "", "msg=\"Configuration loaded from flags.\""),
            format("Go standard log", """
                2024/03/01 12:00:00 listening on :8080
                2024/03/01 12:00:01 GET /healthz 200
                2024/03/01 12:00:02 shutting down
                """, "2024-03-01T12:00:00Z", NONE, "", "listening on :8080"),
            format("Go standard log with Lshortfile", """
                2024/03/01 12:00:00 main.go:12: listening on :8080
                2024/03/01 12:00:01 server.go:88: GET /healthz 200
                2024/03/01 12:00:02 main.go:40: shutting down
                """, "2024-03-01T12:00:00Z", NONE, "main.go", "listening on :8080"),
            format("Ruby on Rails logger", """
                I, [2024-03-01T12:00:00.123456 #12345]  INFO -- : Started GET "/" for 127.0.0.1 at 2024-03-01 12:00:00 +0000
                I, [2024-03-01T12:00:00.223456 #12345]  INFO -- : Processing by HomeController#index as HTML
                E, [2024-03-01T12:00:00.323456 #12345] ERROR -- : Couldn't find Order with 'id'=42
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "",
                "Started GET \"/\" for 127.0.0.1 at 2024-03-01 12:00:00 +0000"),
            format("Serilog console default", """
                [12:00:00 INF] Starting web host
                [12:00:01 WRN] Cart 7 is empty
                [12:00:02 ERR] Order 44 failed
                """, "12:00:00", Severity.INFO, "", "Starting web host"),
            format("NLog default (pipes)", """
                2024-03-01 12:00:00.1234|INFO|Shop.Program|Application started
                2024-03-01 12:00:01.5678|WARN|Shop.Cart|Cart 7 is empty
                2024-03-01 12:00:02.9012|ERROR|Shop.Orders|Order 44 failed: timeout
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "Shop.Program", "Application started"),
            format("ActiveMQ 5 (the logger and thread after the message)", """
                2026-12-05 04:15:01,049 | INFO  | Listening for connections at: tcp://localhost:61616 | org.apache.activemq.transport.TransportServerThreadSupport | main
                2026-12-05 04:15:38,031 | DEBUG | Stopping transport tcp:///127.0.0.1:42512@61616 | org.apache.activemq.transport.tcp.TcpTransport | ActiveMQ BrokerService[localhost] Task-3
                2026-12-05 04:15:39,512 | WARN  | Transport Connection to: tcp://127.0.0.1:42532 failed: Unknown data type: 71 | org.apache.activemq.broker.TransportConnection.Transport | ActiveMQ Transport: tcp:///127.0.0.1:42532@61616
                2026-12-05 04:15:40,101 | INFO  | Connector openwire started | org.apache.activemq.broker.TransportConnector | main
                """, "2026-12-05T04:15:01.049Z", Severity.INFO,
                "org.apache.activemq.transport.TransportServerThreadSupport",
                "Listening for connections at: tcp://localhost:61616"),
            format("ActiveMQ 5 classic (thread, logger and source padded and cut to widths, before the message)", """
                2026-12-05 04:15:50,002 | INFO  | eMQ ShutdownHook | BrokerService                    | he.activemq.broker.BrokerService  760 | Apache ActiveMQ 5.17.2 (localhost, ID:shop-1) is shutting down
                2026-12-05 04:15:01,049 | INFO  | main             | TransportConnector               | tivemq.broker.TransportConnector  267 | Connector openwire started
                2026-12-05 04:15:39,512 | WARN  | .0.1:42532@61616 | Transport                        | ivemq.broker.TransportConnection  246 | Transport Connection to: tcp://127.0.0.1:42532 failed: Unknown data type: 71
                2026-12-05 04:15:50,003 | INFO  | eMQ ShutdownHook | KahaDBStore                      | ctivemq.store.kahadb.KahaDBStore  301 | Stopped KahaDB
                """, "2026-12-05T04:15:50.002Z", Severity.INFO, "BrokerService",
                "Apache ActiveMQ 5.17.2 (localhost, ID:shop-1) is shutting down"),
            format("ActiveMQ Artemis 2.40 (log4j2, the logger in brackets, an AMQ message id)", """
                2026-12-06 07:51:36,160 WARN  [org.apache.activemq.artemis.core.server] AMQ222216: Security problem while authenticating: AMQ229031: Unable to validate user from 127.0.0.1:43406. Username: admin
                2026-12-06 07:51:01,844 INFO  [org.apache.activemq.artemis.core.server] AMQ221012: Using AIO Journal
                2026-12-06 07:51:57,051 ERROR [org.apache.activemq.artemis.core.server] AMQ224096: Error setting up connection from /127.0.0.1:46560 to /127.0.0.1:5672; protocol CORE not found in map: [AMQP]
                2026-12-06 07:51:03,208 INFO  [org.apache.activemq.artemis] AMQ241001: HTTP Server started at http://localhost:8161
                """, "2026-12-06T07:51:36.160Z", Severity.WARN, null,
                "Security problem while authenticating: AMQ229031: Unable to validate user from 127.0.0.1:43406. "
                        + "Username: admin"),
            format("WildFly 37's server.log (the logger in brackets, the thread in parentheses with spaces)", """
                2026-12-06 08:06:31,026 INFO  [com.example.shop.Checkout] (default task-2) checkout for order 1
                2026-12-06 08:05:34,247 INFO  [org.jboss.as] (Controller Boot Thread) WFLYSRV0025: WildFly 37.0.1.Final (WildFly Core 29.0.1.Final) started in 4803ms
                2026-12-06 08:06:15,943 ERROR [org.jboss.msc.service.fail] (MSC service thread 1-4) MSC000001: Failed to start service jboss.deployment.unit."broken.war".STRUCTURE
                2026-12-06 08:06:38,201 ERROR [org.jboss.as.controller.management-operation] (management-handler-thread - 2) WFLYCTL0013: Operation ("test-connection-in-pool") failed - address: ([
                """, "2026-12-06T08:06:31.026Z", Severity.INFO, "", "checkout for order 1"),
            format("WildFly 37's console (a time of day alone)", """
                08:06:31,104 WARN  [com.example.shop.Checkout] (default task-3) payment gateway slow for order slow, retrying
                08:05:34,247 INFO  [org.jboss.as] (Controller Boot Thread) WFLYSRV0025: WildFly 37.0.1.Final (WildFly Core 29.0.1.Final) started in 4803ms
                08:06:15,943 ERROR [org.jboss.msc.service.fail] (MSC service thread 1-4) MSC000001: Failed to start service jboss.deployment.unit."broken.war".STRUCTURE
                """, "08:06:31.104", Severity.WARN, "",
                "payment gateway slow for order slow, retrying"),
            format("Spark 3.5's default log4j2 profile (a two-digit year first: yy/MM/dd)", """
                26/12/06 08:16:23 ERROR Executor: Exception in task 1.0 in stage 3.0 (TID 4)
                26/12/06 08:16:14 INFO SparkContext: Running Spark version 3.5.8
                26/12/06 08:16:14 WARN Utils: Set SPARK_LOCAL_IP if you need to bind to another address
                26/12/06 08:16:23 INFO DAGScheduler: Job 2 failed: collect at Job.java:18, took 0.351 s
                """, "2026-12-06T08:16:23Z", Severity.ERROR, "Executor", "Exception in task 1.0 in stage 3.0 (TID 4)"),
            format("The JVM's unified logging (-Xlog: time, uptime, level and padded tags)", """
                [2026-12-06T08:26:24.775+0000][0.125s][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->3M(64M) 6.895ms
                [2026-12-06T08:26:24.665+0000][0.014s][info][gc,init] Version: 17.0.15+6-Debian-1deb12u1 (release)
                [2026-12-06T08:26:24.775+0000][0.124s][info][gc,heap     ] GC(0) Eden regions: 6->0(5)
                [2026-12-06T08:26:24.951+0000][0.301s][warning][gc,alloc    ] GC(7) To-space exhausted
                """, "2026-12-06T08:26:24.775Z", Severity.INFO, "",
                "GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->3M(64M) 6.895ms"),
            format("The JVM's unified logging with utctime, uptimemillis, pid and tid", """
                [2026-12-06T08:26:30.126+0000][117ms][5741][5748][info][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)
                [2026-12-06T08:26:30.017+0000][8ms][5741][5742][info][gc] Using G1
                [2026-12-06T08:26:30.242+0000][233ms][5741][5742][info][gc,heap,exit   ] Heap
                """, "2026-12-06T08:26:30.126Z", Severity.INFO, "", "GC(0) Pause Young (Normal) (G1 Evacuation Pause)"),
            format("libvirtd 9 (the thread, the level, the function and its line)", """
                2026-12-06 08:25:33.398+0000: 5237: error : virGDBusGetSystemBus:99 : internal error: Unable to get system bus connection
                2026-12-06 08:25:33.398+0000: 5237: warning : networkStateInitialize:658 : DBus not available, disabling firewalld support
                2026-12-06 08:25:43.100+0000: 5227: error : qemuDomainDefPostParseBasic:4677 : unsupported configuration: No emulator found for arch 'x86_64'
                2026-12-06 08:25:43.409+0000: 5222: error : storageBackendCreateQemuImg:1372 : internal error: creation of non-raw file images is not supported without qemu-img.
                """, "2026-12-06T08:25:33.398Z", Severity.ERROR, "virGDBusGetSystemBus:99",
                "internal error: Unable to get system bus connection"),
            format("Node-RED 4 (a day and month without a year, the level in brackets, the node in brackets)", """
                6 Dec 08:43:29 - [error] [function:check order] Error: order boom has no payment
                6 Dec 08:43:29 - [info] [function:check order] checked order 1
                6 Dec 08:43:29 - [warn] [function:check order] order warn is slow
                6 Dec 08:43:09 - [info] Server now running at http://127.0.0.1:1881/
                """, "2024-12-06T08:43:29Z", Severity.ERROR, "",
                "[function:check order] Error: order boom has no payment"),
            format("MPD 0.23 (a month and day without a year, hours and minutes alone, the domain)", """
                Dec 06 11:06 : exception: Failed to open '/tmp/p33/mpd/state': No such file or directory
                Dec 06 11:06 : update: reading /track0.wav
                Dec 06 11:06 : client: [0] process command "play 1"
                Dec 06 11:07 : player: played "track0.wav"
                """, "2024-12-06T11:06:00Z", Severity.UNKNOWN, "exception",
                "Failed to open '/tmp/p33/mpd/state': No such file or directory"),
            format("Bacula 9.6 (a day and month's name without a year, no seconds, a job's label before the level)",
                """
                06-Dec 11:12 vm-dir JobId 5: Fatal error: bsockcore.c:208 Unable to connect to Client: ghost-fd on 127.0.0.1:1. ERR=Connection refused
                06-Dec 11:12 vm-dir JobId 5: Start Backup JobId 5, Job=GhostJob.2026-12-06_11.12.05_09
                06-Dec 11:12 vm-sd JobId 4: Volume "Vol1" previously written, moving to end of data.
                06-Dec 11:13 vm-fd JobId 4:      Could not stat "/proc/kcore": ERR=No such file or directory
                """, "2024-12-06T11:12:00Z", Severity.FATAL, "", "vm-dir JobId 5: Fatal error: bsockcore.c:208 Unable"
                        + " to connect to Client: ghost-fd on 127.0.0.1:1. ERR=Connection refused"),
            format("NFS-Ganesha 4.3 (the day first, the start's epoch, the component and level between colons)", """
                06/12/2026 13:53:45 : epoch 6b1568e9 : vm : nfs-ganesha-10926[main] load_fsal :NFS STARTUP :CRIT :stat returned No such file or directory (2) while loading FSAL path /usr/lib/x86_64-linux-gnu/ganesha/libfsalnosuchfsal.so
                06/12/2026 13:53:45 : epoch 6b1568e9 : vm : nfs-ganesha-10926[main] main :MAIN :EVENT :nfs-ganesha Starting: Ganesha Version 4.3
                06/12/2026 13:53:45 : epoch 6b1568e9 : vm : nfs-ganesha-10926[main] display_fsinfo :FSAL :DEBUG :  maxlink  = 8
                06/12/2026 13:53:46 : epoch 6b1568e9 : vm : nfs-ganesha-10926[main] __Register_program :DISP :MAJ :Cannot register NFS V4 on UDP
                """, "2026-12-06T13:53:45Z", Severity.ERROR, "NFS STARTUP", "stat returned No such file or directory"
                        + " (2) while loading FSAL path /usr/lib/x86_64-linux-gnu/ganesha/libfsalnosuchfsal.so"),
            format("ocserv 1.1 in the foreground (syslog's program tag alone on standard error, no time)", """
                ocserv[30386]: main: Starting 1 instances of ocserv-sm
                ocserv[30388]: sec-mod: received request from pid 30402 and uid 0
                note: setting 'file' as supplemental config option
                ocserv[30402]: worker: 127.0.0.1 TLS handshake completed
                ocserv[30386]: main:127.0.0.1:39872 worker terminated
                """, "-", NONE, "ocserv", "main: Starting 1 instances of ocserv-sm"),
            format("rkhunter 1.4 (a time of day in brackets; a check's result after the time alone, indented)", """
                [14:40:38]   Checking for a running system logging daemon    [ Warning ]
                [14:40:38] Info: Starting test name 'system_configs_syslog'
                [14:40:39] Warning: No running system logging daemon has been found.
                [14:40:39] Info: Found a systemd configuration file: /etc/systemd/journald.conf
                [14:40:39]
                [14:40:53] Warning: Hidden directory found: /etc/.java
                """, "14:40:38", NONE, "", "Checking for a running system logging daemon    [ Warning ]"),
            format("Minetest 5.6 (the level glued to the thread that logs, a colon after each)", """
                2026-12-06 15:51:04: ERROR[Server]: about to fail
                2026-12-06 15:51:02: ACTION[Main]: World at [/tmp/p35/mt/world]
                2026-12-06 15:51:02: WARNING[Main]: badmod loading
                2026-12-06 15:51:02: VERBOSE[Main]: Server: Loading mods
                2026-12-06 15:51:02: INFO[Emerge-0]: Loading environment
                """, "2026-12-06T15:51:04Z", Severity.ERROR, "", "about to fail"),
            format("verdaccio 5.33 (pretty-timestamped: the level padded to five letters, the arrow after it)", """
                [2026-12-06 16:12:50] error--- the user alice could not being added. Error: unauthorized access
                [2026-12-06 16:12:45] info --- config file  - /tmp/p35/npm/vd/config.yaml
                [2026-12-06 16:12:45] warn --- http address - http://127.0.0.1:4873/ - verdaccio/5.33.0
                [2026-12-06 16:12:50] info <-- 127.0.0.1 requested 'GET /left-pad'
                [2026-12-06 16:12:50] http <-- 200, user: null(127.0.0.1), req: 'GET /left-pad', bytes: 0/0
                """, "2026-12-06T16:12:50Z", Severity.ERROR, "",
                    "the user alice could not being added. Error: unauthorized access"),
            format("PipeWire 0.3 (the level's letter in brackets glued to the seconds since boot, the topic, a pipe)",
                """
                [E][12318.485570] spa.dbus     | [          dbus.c:  349 impl_connection_get()] Failed to connect to session bus
                [D][12318.478083] spa.cpu      | [           cpu.c:  275 impl_init()] 0x55a6ec4a71a8: count:2 align:64
                [I][12318.478090] pw.context   | [      pipewire.c:  665 pw_init()] version 0.3.65
                [W][12324.488565] pw.conf      | [          conf.c:  939 try_load_conf()] can't load config nosuch.conf
                [T][12324.488570] pw.loop      | [          loop.c:  120 loop_iterate()] 0x55a6ec4a7370: iterate
                """, "-", Severity.ERROR, "spa.dbus", "Failed to connect to session bus"),
            format("qBittorrent 4.5 (the level's letter in parentheses, a time without a fraction, a dash)", """
                (C) 2026-12-06T18:42:19 - Failed to listen on IP. IP: "0.0.0.0". Port: "TCP/0". Reason: "invalid port"
                (N) 2026-12-06T18:42:05 - qBittorrent v4.5.2 started
                (I) 2026-12-06T18:42:05 - Peer ID: "-qB4520-"
                (W) 2026-12-06T18:42:19 - WebAPI login failure. Reason: invalid credentials, attempt count: 1
                """, "2026-12-06T18:42:19Z", Severity.ERROR, "",
                    "Failed to listen on IP. IP: \"0.0.0.0\". Port: \"TCP/0\". Reason: \"invalid port\""),
            format("GLib's message handler (the program and process, the domain glued to the level, a time of day)",
                """
                (rygel:1214): RygelCore-WARNING **: 19:47:54.895: Failed to load user configuration from file
                (rygel:1214): RygelCore-DEBUG: 19:47:54.894: rygel-user-config.vala:228: Loaded system configuration
                (rygel:1214): GLib-GIO-DEBUG: 19:47:54.894: _g_io_module_get_default: Found default implementation
                Rygel-Message: 19:47:54.893: Rygel v0.42.1 starting
                """, "19:47:54.895", Severity.WARN, "RygelCore", "Failed to load user configuration from file"),
            format("Unbound 1.17 (seconds since the epoch in brackets, the process and thread, a two-word level)", """
                [1796590591] unbound[22908:0] fatal error: failed to setup modules
                [1796590591] unbound[22908:0] notice: init module 1: validator
                [1796590591] unbound[22908:0] error: validator: error in trustanchors config
                [1796590624] unbound[23015:0] info: 127.0.0.1 example.com. A IN
                [1796590625] unbound[23015:0] debug: outnet handle udp reply
                """, "2026-12-06T20:56:31Z", Severity.FATAL, "unbound", "failed to setup modules"),
            format("Dovecot 2.3 (its process and a colon, the level and a colon; a process named by a level word)", """
                Dec 06 21:26:10 config: Warning: Killed with signal 15 (by pid=17559 uid=0 code=kill)
                Dec 06 21:26:01 master: Info: Dovecot v2.3.19.1 (9b53102964) starting up for imap
                Dec 06 21:26:03 imap-login: Fatal: This process must not be run as root
                Dec 06 21:26:10 log(17563): Warning: Shutting down logging for 'anvil: ' with 1 clients
                Dec 06 21:26:13 auth: Debug: auth client connected (pid=17684)
                """, "2024-12-06T21:26:10Z", Severity.WARN, "config",
                "Warning: Killed with signal 15 (by pid=17559 uid=0 code=kill)"),
            format("ngIRCd 26 in the foreground (its process, the syslog priority's digit, the seconds it has run)", """
                [30607:3    6] Got invalid OPER from "alice!~alice@127.0.0.1": "boss" -- bad password!
                [30607:5    0] ngIRCd 26.1-IDENT+IPv6+IRCPLUS+PAM+SSL+SYSLOG+ZLIB-x86_64/pc/linux-gnu starting ...
                [30607:4    0] No administrative information configured but required by RFC!
                [30607:6   15] Shutting down all listening sockets (1 total) ...
                """, "-", Severity.ERROR, "",
                "Got invalid OPER from \"alice!~alice@127.0.0.1\": \"boss\" -- bad password!"),
            format("spdlog 1.10, its default logger and a named one in one output (the name before the level)", """
                [2026-12-07 00:20:03.370] [inventory] [trace] reserve sku-40 qty 1
                [2026-12-07 00:20:03.369] [info] order service 1.4.2 starting, 4 workers
                [2026-12-07 00:20:03.370] [debug] loaded 1200 products from /var/lib/shop/catalog.db
                [2026-12-07 00:20:04.092] [warning] config value 'retry' missing, using default 3
                """, "2026-12-07T00:20:03.370Z", Severity.TRACE, "", "reserve sku-40 qty 1"),
            format("TypeORM 0.3's file logger (the kind of entry in a bracket glued to the time's, failed an error)",
                    """
                [2026-12-07T01:36:01.748Z][FAILED QUERY]: SELECT * FROM missing_table
                [2026-12-07T01:36:01.680Z][QUERY]: BEGIN TRANSACTION
                [2026-12-07T01:36:01.748Z][QUERY ERROR]: Error: no such table: missing_table
                [2026-12-07T01:36:01.693Z][SLOW QUERY: 12 ms]: SELECT * FROM "sqlite_master" WHERE "type" = 'table'
                [2026-12-07T01:36:01.694Z]creating a new table: orders
                """, "2026-12-07T01:36:01.748Z", Severity.ERROR, "", "SELECT * FROM missing_table"),
            format("Locust 2.12 (its host, level and logger parted by slashes)", """
                [2026-12-07 01:45:02,604] vm/INFO/locust.main: Run time limit set to 12 seconds
                [2026-12-07 01:45:02,606] vm/DEBUG/root: Terminal was not a tty. Keyboard input disabled
                [2026-12-07 01:45:02,627] vm/DEBUG/urllib3.connectionpool: http://127.0.0.1:8784 "GET / HTTP/1.1" 200 6
                [2026-12-07 01:45:02,724] vm/ERROR/locust.user.task: task blew up
                """, "2026-12-07T01:45:02.604Z", Severity.INFO, "locust.main", "Run time limit set to 12 seconds"),
            format("PgBouncer 1.18 at verbose 2 (PostgreSQL's prefix, its NOISE level below DEBUG)", """
                2026-12-07 04:41:35.920 UTC [24939] NOISE C-0x55b5c9704860: (nodb)/(nouser)@127.0.0.1:38906 C: req SSL
                2026-12-07 04:41:34.836 UTC [24939] LOG kernel file descriptor limit: 1024 (hard: 20000)
                2026-12-07 04:41:34.838 UTC [24939] DEBUG add_listen: 127.0.0.1:6439
                2026-12-07 04:41:39.171 UTC [24939] WARNING C-0x55b5c9704860: appdb/app@127.0.0.1:38906 pooler error
                2026-12-07 04:41:34.838 UTC [24939] NOISE install TCP_DEFER_ACCEPT on 7
                """, "2026-12-07T04:41:35.920Z", Severity.TRACE, "",
                "C-0x55b5c9704860: (nodb)/(nouser)@127.0.0.1:38906 C: req SSL"),
            format("snapcast 0.26 (dashes in the time of day, the level and the tag each in brackets)", """
                2026-12-06 16-43-11.361 [Error] (Avahi) Failed to create client: Daemon not running
                2026-12-06 16-43-11.358 [Notice] (init) Settings file: "/root/.config/snapserver/server.json"
                2026-12-06 16-42-42.897 [Debug] (parse) StreamUri: pipe:///tmp/p35/snap/fifo?name=default
                2026-12-06 16-43-14.380 [Info] (Snapclient) Version 0.26.0
                """, "2026-12-06T16:43:11.361Z", Severity.ERROR, "", "Failed to create client: Daemon not running"),
            format("Syncthing 1.19 (the device's short id in brackets, a time of day alone)", """
                [QTRF4] 08:44:03 WARNING: Syncthing should not run as a privileged or system user.
                [QTRF4] 08:44:03 INFO: Ready to synchronize "Default Folder" (default) (sendreceive)
                [QTRF4] 08:44:27 INFO: Adding folder "Photos" (photos)
                [start] 08:44:02 INFO: Generating ECDSA key and certificate for syncthing...
                """, "08:44:03", Severity.WARN, "", "Syncthing should not run as a privileged or system user."),
            format("collectd 5.12's logfile plugin (the time and the severity in brackets)", """
                [2026-12-06 08:45:22] [error] exec plugin: Unable to parse command, ignoring line: "garbage line"
                [2026-12-06 08:45:22] [info] plugin_load: plugin "cpu" successfully loaded.
                [2026-12-06 08:45:22] [warning] unixsock plugin: No such group: `collectd'
                [2026-12-06 08:45:34] [notice] exec plugin: Program `/tmp/cd/fail.sh' has closed STDERR.
                """, "2026-12-06T08:45:22Z", Severity.ERROR, "",
                "exec plugin: Unable to parse command, ignoring line: \"garbage line\""),
            format("spamd 4.0 (ctime's date, the process in brackets, the level and the component with colons)", """
                Sun Dec  6 08:25:10 2026 [4903] warn: spamd: bad protocol: header error: BOGUS SPAMC/1.5
                Sun Dec  6 08:24:54 2026 [4902] info: spamd: server started on IO::Socket::IP [127.0.0.1]:7830 (running version 4.0.1)
                Sun Dec  6 08:25:09 2026 [4903] info: spamd: clean message (2.3/5.0) for root:65534 in 0.2 seconds, 71 bytes.
                Sun Dec  6 08:24:54 2026 [4902] info: prefork: child states: IS
                """, "2026-12-06T08:25:10Z", Severity.WARN, "spamd", "bad protocol: header error: BOGUS SPAMC/1.5"),
            format("Transmission 3.00 (no level, the source file and line at the end)", """
                [2026-12-06 08:45:45.968] Couldn't read "/var/lib/transmission/stats.json": No such file or directory (utils.c:263)
                [2026-12-06 08:45:45.967] Transmission 3.00 (bb6b5a062e) started (session.c:769)
                [2026-12-06 08:45:45.968] RPC Server Started listening on 127.0.0.1:9192 (rpc-server.c:834)
                """, "2026-12-06T08:45:45.968Z", Severity.UNKNOWN, "",
                "Couldn't read \"/var/lib/transmission/stats.json\": No such file or directory (utils.c:263)"),
            format("Karaf (a padded thread that may be longer, the logger, the bundle's id, name and version)", """
                2026-12-05T04:18:14,319 | INFO  | Karaf Shutdown Socket Thread | ShutdownSocketThread             | 4 - org.ops4j.pax.logging.pax-logging-api - 2.3.0 | Karaf shutdown socket: received shutdown command. Stopping framework...
                2026-12-05T04:16:45,612 | INFO  | features-3-thread-1 | Activator                        | 30 - org.apache.karaf.shell.core - 4.4.8 | Not starting local console. To activate set karaf.startLocalConsole=true
                2026-12-05T04:17:27,127 | WARN  | sshd-SshServer[6c30e15](port=8101)-nio2-thread-2 | EventAdminAuditLoginModule       | 27 - org.apache.karaf.jaas.modules - 4.4.8 | Unable to send security auditing EventAdmin events
                2026-12-05T04:18:15,001 | ERROR | pool-1-thread-1  | OrderRoute                       |  -  -  | order 42 failed
                2026-12-05T04:18:16,950 | INFO  | FelixStartLevel  | CommandExtension                 | 30 - org.apache.karaf.shell.core - 4.4.8 | Unregistering commands for bundle org.apache.karaf.log.core/4.4.8
                """, "2026-12-05T04:18:14.319Z", Severity.INFO, "ShutdownSocketThread",
                "Karaf shutdown socket: received shutdown command. Stopping framework..."),
            format("NestJS's console logger (a JavaScript date in the en-US locale, LOG for information)", """
                [Nest] 17958  - 12/03/2024, 1:16:43 PM     LOG [OrdersService] order 2 placed
                [Nest] 17958  - 12/03/2024, 1:16:43 PM   ERROR [OrdersService] could not load order 5
                [Nest] 17958  - 12/03/2024, 1:16:44 PM    WARN [OrdersService] order 6 is slow
                """, "2024-12-03T13:16:43Z", Severity.INFO, "", "order 2 placed"),
            format("winston simple", """
                info: Server listening on port 3000
                warn: Cache miss rate is 31%
                error: Request 7 failed
                """, "-", Severity.INFO, "", "Server listening on port 3000"),
            format("pino-pretty", """
                [12:00:00.123] INFO (12345): Server listening at http://127.0.0.1:3000
                [12:00:01.456] WARN (12345): cache miss rate high
                [12:00:02.789] ERROR (12345): request 7 failed
                """, "12:00:00.123", Severity.INFO, "", "Server listening at http://127.0.0.1:3000"),
            format("nginx access (combined)", """
                127.0.0.1 - - [10/Oct/2023:13:55:36 -0700] "GET /index.html HTTP/1.1" 200 2326 "http://example.com/start.html" "Mozilla/5.0 (X11; Linux x86_64)"
                10.0.0.7 - alice [10/Oct/2023:13:55:37 -0700] "POST /api/cart HTTP/1.1" 201 17 "-" "curl/8.1.2"
                10.0.0.8 - - [10/Oct/2023:13:55:38 -0700] "GET /favicon.ico HTTP/1.1" 404 153 "-" "Mozilla/5.0"
                """, "2023-10-10T20:55:36Z", Severity.INFO, "",
                "\"GET /index.html HTTP/1.1\" 200 2326 \"http://example.com/start.html\" \"Mozilla/5.0 (X11; Linux x86_64)\""),
            format("Apache access (common)", """
                127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326
                127.0.0.1 - - [10/Oct/2000:13:55:37 -0700] "GET /index.html HTTP/1.0" 304 -
                10.1.2.3 - - [10/Oct/2000:13:55:38 -0700] "POST /login HTTP/1.0" 302 -
                """, "2000-10-10T20:55:36Z", Severity.INFO, "", "\"GET /apache_pb.gif HTTP/1.0\" 200 2326"),
            format("nginx error", """
                2024/03/01 12:00:00 [error] 1234#1234: *5 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.0.0.1, server: localhost, request: "GET /favicon.ico HTTP/1.1", host: "localhost"
                2024/03/01 12:00:01 [notice] 1#1: signal process started
                2024/03/01 12:00:02 [warn] 1234#1234: *7 an upstream response is buffered to a temporary file
                """, "2024-03-01T12:00:00Z", Severity.ERROR, "1234#1234",
                "*5 open() \"/usr/share/nginx/html/favicon.ico\" failed (2: No such file or directory), client: 10.0.0.1,"
                        + " server: localhost, request: \"GET /favicon.ico HTTP/1.1\", host: \"localhost\""),
            format("Apache 2.4 error", """
                [Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] File does not exist: /usr/local/apache2/htdocs/favicon.ico
                [Fri Sep 09 10:42:30.100000 2011] [mpm_event:notice] [pid 35708:tid 4328636416] [client 72.15.99.188] AH00489: Apache/2.4.57 configured
                [Fri Sep 09 10:42:31.200000 2011] [ssl:warn] [pid 35709:tid 4328636417] [client 72.15.99.189] AH01909: server certificate does NOT include an ID
                """, "2011-09-09T10:42:29.902Z", Severity.ERROR, "",
                "File does not exist: /usr/local/apache2/htdocs/favicon.ico"),
            format("Envoy access (default)", """
                [2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80"
                [2016-04-15T20:17:01.310Z] "GET /api/v1/locations HTTP/2" 200 - 0 512 12 10 "10.0.35.29" "curl/8.1.2" "0f9a1c3e-1111-4c2b-9a8e-98aeb7988cd3" "locations" "tcp://10.0.2.1:80"
                [2016-04-15T20:17:02.310Z] "GET /healthz HTTP/1.1" 503 UF 0 91 0 - "-" "kube-probe/1.27" "2b1f3a2e-2222-4c2b-9a8e-98aeb7988cd4" "web" "-"
                """, "2016-04-15T20:17:00.310Z", Severity.INFO, "",
                "\"POST /api/v1/locations HTTP/2\" 204 - 154 0 226 100 \"10.0.35.28\" \"nsq2http\" \"cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2\" \"locations\" \"tcp://10.0.2.1:80\""),
            format("HAProxy HTTP log over syslog", """
                Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1"
                Feb  6 12:14:15 localhost haproxy[14389]: 10.0.1.3:33318 [06/Feb/2009:12:14:15.001] http-in static/srv2 9/0/29/70/108 200 1024 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /a.css HTTP/1.1"
                Feb  6 12:14:16 localhost haproxy[14389]: Server static/srv1 is DOWN, reason: Layer4 timeout
                """, "2024-02-06T12:14:14Z", Severity.INFO, "haproxy",
                "10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} \"GET /index.html HTTP/1.1\""),
            format("Dropwizard: level, time in brackets, logger; its request log in the same stream", """
                INFO  [2026-12-05 21:07:03,234] shop.App$Orders: Served order 1
                127.0.0.1 - - [05/Dec/2026:21:07:03 +0000] "GET /orders/1 HTTP/1.1" 200 8 "-" "curl/7.88.1" 77
                ERROR [2026-12-05 21:07:03,332] io.dropwizard.jersey.errors.IllegalStateExceptionMapper: Error handling a request: 75657cc8f933c336
                WARN  [2026-12-05 21:07:03,434] shop.App$Orders: Order 150 is over the page limit
                """, "2026-12-05T21:07:03.234Z", Severity.INFO, "shop.App$Orders", "Served order 1"),
            format("Postfix over syslog: a delivery's level its status code's class", """
                Dec  5 19:41:10 vm postfix/local[22111]: 887971B00A6: to=<nobody@localhost>, relay=local, delay=0.08, delays=0.01/0.03/0/0.04, dsn=5.1.1, status=bounced (unknown user: "nobody")
                Dec  5 19:41:10 vm postfix/qmgr[21967]: 887971B00A6: removed
                Dec  5 19:41:10 vm postfix/smtp[22118]: A9C951B00A6: to=<ops@shop.invalid>, relay=none, delay=0.05, delays=0.01/0.04/0/0, dsn=4.4.3, status=deferred (Host or domain name not found)
                Dec  5 19:41:11 vm postfix/smtpd[22163]: connect from unknown[127.0.0.1]
                """, "2024-12-05T19:41:10Z", Severity.ERROR, "postfix/local",
                "887971B00A6: to=<nobody@localhost>, relay=local, delay=0.08, delays=0.01/0.03/0/0.04, dsn=5.1.1, status=bounced (unknown user: \"nobody\")"),
            format("syslog RFC 3164 with priority (34: auth, critical)", """
                <34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8
                <13>Oct 11 22:14:16 mymachine cron[311]: (root) CMD (run-parts /etc/cron.hourly)
                <86>Oct 11 22:14:17 mymachine sshd[4242]: Accepted publickey for alice from 10.0.0.1 port 51234 ssh2
                """, "2024-10-11T22:14:15Z", Severity.FATAL, "su", "'su root' failed for lonvick on /dev/pts/8"),
            format("syslog file (/var/log/auth.log)", """
                Jan  5 10:00:00 web-1 sshd[1234]: Accepted publickey for alice from 10.0.0.1 port 51234 ssh2
                Jan  5 10:00:01 web-1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt update
                Jan  5 10:00:02 web-1 sshd[1240]: Invalid user admin from 203.0.113.9 port 40022
                """, "2024-01-05T10:00:00Z", NONE, "sshd", "Accepted publickey for alice from 10.0.0.1 port 51234 ssh2"),
            format("syslog RFC 5424 (165: local4, notice)", """
                <165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry
                <165>1 2003-10-11T22:14:16.003Z mymachine.example.com evntslog 77 ID48 - Another application event
                <34>1 2003-10-11T22:14:17.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8
                """, "2003-10-11T22:14:15.003Z", Severity.INFO, "evntslog", "An application event log entry"),
            format("journalctl -o short-iso", """
                2024-03-01T12:00:00+0000 web-1 systemd[1]: Started Session 12 of User alice.
                2024-03-01T12:00:01+0000 web-1 kernel: eth0: link up, 1000 Mbps, full duplex
                2024-03-01T12:00:02+0000 web-1 sshd[4242]: Disconnected from user alice 10.0.0.1 port 51234
                """, "2024-03-01T12:00:00Z", NONE, "systemd", "Started Session 12 of User alice."),
            format("CRI container log", """
                2024-03-01T12:00:00.123456789Z stdout F Server started on port 8080
                2024-03-01T12:00:01.123456789Z stderr F warning: cache miss rate 31%
                2024-03-01T12:00:02.123456789Z stdout P a partial line
                """, "2024-03-01T12:00:00.123Z", NONE, "stdout", "Server started on port 8080"),
            format("PostgreSQL stderr (%m [%p])", """
                2024-03-01 12:00:00.123 UTC [12345] LOG:  database system is ready to accept connections
                2024-03-01 12:00:01.456 UTC [12350] ERROR:  relation "orders" does not exist at character 15
                2024-03-01 12:00:02.789 UTC [12350] STATEMENT:  SELECT * FROM orders
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "",
                "database system is ready to accept connections"),
            format("Flask's default handler (the module after the level)", """
                [2026-12-03 23:46:35,464] ERROR in app: Exception on /orders/5 [GET]
                [2026-12-03 23:46:35,446] WARNING in orders: order 4 slow
                [2026-12-03 23:46:36,102] INFO in orders: order 6 served
                """, "2026-12-03T23:46:35.464Z", Severity.ERROR, "app", "Exception on /orders/5 [GET]"),
            format("loguru's default format (the module, function and line before a dash)", """
                2026-12-04 04:41:40.523 | ERROR    | __main__:<module>:21 - charge failed for ord-3702
                2026-12-04 04:41:40.526 | SUCCESS  | shop.billing:charge:19 - charged ord-6604 total=24.00
                2026-12-04 04:41:40.526 | INFO     | shop.orders:handle:14 - processing order ord-9011: amount 54
                """, "2026-12-04T04:41:40.523Z", Severity.ERROR, "__main__", "charge failed for ord-3702"),
            format("Python's logging with the logger, function and line before a dash", """
                2026-12-04 04:41:40,523 | WARNING | shop.orders:handle:88 - order 7 slow: 2.5 s
                2026-12-04 04:41:40,526 | INFO | shop.orders:handle:91 - order 8 served
                2026-12-04 04:41:40,526 | INFO | shop.billing:charge:12 - order 8 charged
                """, "2026-12-04T04:41:40.523Z", Severity.WARN, "shop.orders", "order 7 slow: 2.5 s"),
            format("bunyan's short format (a time of day in UTC, the level, the logger)", """
                04:50:36.398Z  INFO checkout: processing order (order=ord-2116, amount=40)
                04:50:36.400Z DEBUG checkout: cache miss (key=user:200)
                04:50:36.400Z ERROR checkout: charge failed (order=ord-2116)
                """, "04:50:36.398", Severity.INFO, "checkout", "processing order (order=ord-2116, amount=40)"),
            format("Sidekiq (its context as logfmt pairs, then the level in capitals and a colon)", """
                2026-12-04T05:43:48.204Z pid=3001 tid=2y1 class=ChargeJob jid=1ebd70d74f327baf INFO: charged order 1001
                2026-12-04T05:43:48.205Z pid=3001 tid=2v9 WARN: ArgumentError: amount 99 over limit for order 1000
                2026-12-04T05:43:48.205Z pid=3001 tid=2v9 class=ChargeJob jid=2f107a3670d991b2 elapsed=0.002 INFO: fail
                """, "2026-12-04T05:43:48.204Z", Severity.INFO, "", "charged order 1001"),
            format("BIND's named (the category, then the severity or a debugging level in the message)", """
                04-Dec-2026 04:47:25.966 general: debug 1: zone_startload: zone shop.test/IN: enter
                04-Dec-2026 04:47:25.966 general: error: dns_rdata_fromtext: db.broken:4: near '10.0.0.999': bad quad
                04-Dec-2026 04:47:25.967 zoneload: info: zone shop.test/IN: loaded serial 2026120401
                """, "2026-12-04T04:47:25.966Z", Severity.DEBUG, "general",
                "debug 1: zone_startload: zone shop.test/IN: enter"),
            format("Go's log package with the file (log.Lshortfile) and a level word opening the message", """
                2026/12/04 18:25:16.308344 main.go:25: INFO order 1 placed
                2026/12/04 18:25:16.309143 charge.go:41: ERROR charge 3 failed: card declined
                2026/12/04 18:25:16.309150 main.go:25: INFO order 4 placed
                """, "2026-12-04T18:25:16.308Z", Severity.INFO, "main.go", "order 1 placed"),
            format("Go's log with a prefix (log.Lmsgprefix) or the file, and a level in brackets", """
                2026/12/04 18:41:37 shop: [DEBUG] cache miss for sku-1
                2026/12/04 18:41:37 m2.go:16: [INFO] order 1 placed
                2026/12/04 18:41:37 m2.go:13: [ERROR] charge 4 failed: card declined
                2026/12/04 18:41:38 shop: [WARN] retrying order 4
                """, "2026-12-04T18:41:37Z", Severity.DEBUG, "shop", "cache miss for sku-1"),
            format("NATS server (an address and port before a dash: no place in code)", """
                [2871] 2026/12/04 02:39:50.191591 [DBG] 127.0.0.1:53412 - cid:5 - Client connection created
                [2871] 2026/12/04 02:39:50.593120 [ERR] 127.0.0.1:53414 - cid:6 - authentication error
                [2871] 2026/12/04 02:39:50.797002 [INF] Server is ready
                """, "2026-12-04T02:39:50.191Z", Severity.DEBUG, "",
                "127.0.0.1:53412 - cid:5 - Client connection created"),
            format("Monolog's line format (Laravel, Symfony: the channel and the level in one word)", """
                [2026-12-03 21:16:44] local.INFO: order placed {"order":7}
                [2026-12-03 21:16:44] local.ERROR: card declined for order 3 {"exception":"[object] (RuntimeException"}
                [2026-12-03 21:16:45] request.CRITICAL: Uncaught PHP Exception [] []
                """, "2026-12-03T21:16:44Z", Severity.INFO, "local", "order placed {\"order\":7}"),
            format("MySQL 8 error log", """
                2024-03-01T12:00:00.123456Z 0 [Warning] [MY-010068] [Server] CA certificate ca.pem is self signed.
                2024-03-01T12:00:01.123456Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections.
                2024-03-01T12:00:02.123456Z 8 [ERROR] [MY-010584] [Repl] Slave I/O for channel '': error connecting to master
                """, "2024-03-01T12:00:00.123Z", Severity.WARN, "", "CA certificate ca.pem is self signed."),
            format("MariaDB error log (the hour space-padded)", """
                2024-03-01  8:31:00 0 [Note] Starting MariaDB 10.11.19-MariaDB-0+deb12u1-log as process 15456
                2024-03-01  8:31:00 0 [Note] InnoDB: Compressed tables use zlib 1.2.13
                2024-03-01 10:31:14 0 [ERROR] mariadbd: Can't create/write to file '/run/mysqld/mysqld.pid'
                2024-03-01 10:31:15 3 [Warning] Access denied for user 'nobody'@'localhost' (using password: YES)
                """, "2024-03-01T08:31:00Z", Severity.INFO, "",
                "Starting MariaDB 10.11.19-MariaDB-0+deb12u1-log as process 15456"),
            format("signale with its timestamp (a time of day on a twelve-hour clock, the scope, a badge)", """
                [11:10:13 PM] [shop] › ✔  success   listening on 8080
                [11:10:13 PM] [shop] › ℹ  info      order 0 placed
                [12:00:14 AM] [shop] › ⚠  warning   slow query 1234 ms
                """, "23:10:13", Severity.INFO, "", "listening on 8080"),
            format("dmesg --decode (the facility and the level, each padded before its colon; time since boot)", """
                kern  :warn  : [    0.000000] [Firmware Bug]: TSC doesn't count with P0 frequency!
                kern  :info  : [    0.000000] BIOS-provided physical RAM map:
                kern  :notice: [    0.074930] Kernel is locked down from Kernel configuration
                daemon:err   : [   12.500001] systemd[1]: Failed to start foo.service.
                """, "-", Severity.WARN, "kern", "[Firmware Bug]: TSC doesn't count with P0 frequency!"),
            format("A day-first date (Python's datefmt %d/%m/%Y, Java's dd/MM/yyyy): a day above 12 says so", """
                03/11/2026 10:00:00 INFO [shop.orders] order 1 placed
                25/11/2026 10:00:01 WARNING [shop.orders] order 2 slow
                26/11/2026 09:00:00 ERROR [shop.orders] order 3 failed
                """, "2026-11-03T10:00:00Z", Severity.INFO, "", "order 1 placed"),
            format("Day-first dates each readable either way: the first number takes more values", """
                04/12/2026 23:48:10 INFO order 1 placed
                05/12/2026 00:01:00 INFO order 2 placed
                06/12/2026 08:00:00 ERROR order 3 failed
                """, "2026-12-04T23:48:10Z", Severity.INFO, "", "order 1 placed"),
            format("Icecast's error log (two spaces between the date and the time)", """
                [2026-12-04  23:16:51] INFO main/main Icecast 2.4.4 server started
                [2026-12-04  23:16:54] WARN fserve/fserve_client_create req for file "/web/nope.mp3" No such file
                [2026-12-04  03:16:54] DBUG stats/modify_node_event update global clients (1)
                """, "2026-12-04T23:16:51Z", Severity.INFO, "", "main/main Icecast 2.4.4 server started"),
            format("MySQL 5.5 error log (yyMMdd, the hour space-padded; InnoDB lines without a level)",
                """
                130206  8:14:37 [Note] Plugin 'FEDERATED' is disabled.
                130206  8:14:37 InnoDB: The InnoDB memory heap is disabled
                130206 12:14:38 [ERROR] Can't start server: Bind on TCP/IP port: Address already in use
                """, "2013-02-06T08:14:37Z", Severity.INFO, "", "Plugin 'FEDERATED' is disabled."),
            format("MySQL 5.7 error log (Note)", """
                2024-03-01T12:00:00.123456Z 0 [Note] InnoDB: Buffer pool(s) load completed at 240301 12:00:00
                2024-03-01T12:00:01.123456Z 3 [Warning] IP address '10.0.0.3' could not be resolved: Name or service not known
                2024-03-01T12:00:02.123456Z 0 [ERROR] Can't start server: Bind on TCP/IP port: Address already in use
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "",
                "InnoDB: Buffer pool(s) load completed at 240301 12:00:00"),
            format("MongoDB before 4.4", """
                2019-03-01T12:00:00.123+0000 I NETWORK  [listener] connection accepted from 127.0.0.1:52994 #1 (1 connection now open)
                2019-03-01T12:00:01.123+0000 I COMMAND  [conn1] command shop.orders command: find { find: "orders" } 105ms
                2019-03-01T12:00:02.123+0000 W STORAGE  [initandlisten] Detected configuration for non-active storage engine
                """, "2019-03-01T12:00:00.123Z", Severity.INFO, "NETWORK",
                "connection accepted from 127.0.0.1:52994 #1 (1 connection now open)"),
            format("Redis", """
                1:M 01 Mar 2024 12:00:00.123 * Ready to accept connections tcp
                1:M 01 Mar 2024 12:00:01.456 # WARNING Memory overcommit must be enabled!
                1:C 01 Mar 2024 12:00:02.789 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "", "Ready to accept connections tcp"),
            format("Kafka broker", """
                [2024-03-01 12:00:00,123] INFO [KafkaServer id=0] started (kafka.server.KafkaServer)
                [2024-03-01 12:00:01,456] WARN [Controller id=0] Broker 2 is not reachable (kafka.controller.KafkaController)
                [2024-03-01 12:00:02,789] INFO Awaiting socket connections on 0.0.0.0:9092. (kafka.network.DataPlaneAcceptor)
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "", "[KafkaServer id=0] started (kafka.server.KafkaServer)"),
            format("ZooKeeper", """
                2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200
                2015-07-29 19:04:12,394 - INFO  [/10.10.34.11:3888:QuorumCnxManager$Listener@493] - Received connection request /10.10.34.11:45307
                2015-07-29 19:04:29,071 - WARN  [SendWorker:188978561024:QuorumCnxManager$SendWorker@679] - Interrupted while waiting for message on queue
                """, "2015-07-29T17:41:44.747Z", Severity.INFO, "", "Notification time out: 3200"),
            format("Elasticsearch", """
                [2024-03-01T12:00:00,123][INFO ][o.e.n.Node               ] [node-1] started
                [2024-03-01T12:00:01,456][WARN ][o.e.c.r.a.DiskThresholdMonitor] [node-1] high disk watermark [90%] exceeded
                [2024-03-01T12:00:02,789][INFO ][o.e.c.m.MetadataCreateIndexService] [node-1] [orders] creating index
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "", "started"),
            format("Cassandra", """
                INFO  [main] 2024-03-01 12:00:00,123 CassandraDaemon.java:123 - Hello Cassandra
                WARN  [ScheduledTasks:1] 2024-03-01 12:00:01,456 NoSpamLogger.java:94 - Some operations were slow
                ERROR [Native-Transport-Requests-1] 2024-03-01 12:00:02,789 ErrorMessage.java:457 - Unexpected exception
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "CassandraDaemon.java:123", "Hello Cassandra"),
            format("RabbitMQ", """
                2024-03-01 12:00:00.123456+00:00 [info] <0.222.0> Starting RabbitMQ 3.12.0 on Erlang 25.3
                2024-03-01 12:00:01.123456+00:00 [warning] <0.230.0> Free disk space is low
                2024-03-01 12:00:02.123456+00:00 [error] <0.231.0> Error on AMQP connection <0.232.0>
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "", "Starting RabbitMQ 3.12.0 on Erlang 25.3"),
            format("HashiCorp hclog (Consul, Vault, Nomad)", """
                2024-03-01T12:00:00.123Z [INFO]  agent: Consul agent running!
                2024-03-01T12:00:01.456Z [WARN]  agent.server.raft: heartbeat timeout reached
                2024-03-01T12:00:02.789Z [ERROR] agent: failed to sync remote state: error="No cluster leader"
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "agent", "Consul agent running!"),
            format("Celery worker", """
                [2024-03-01 12:00:00,123: INFO/MainProcess] Connected to amqp://guest:**@127.0.0.1:5672//
                [2024-03-01 12:00:01,456: WARNING/MainProcess] celery@worker-1 ready.
                [2024-03-01 12:00:02,789: ERROR/ForkPoolWorker-1] Task shop.tasks.charge[7] raised unexpected: Timeout
                """, "2024-03-01T12:00:00.123Z", Severity.INFO, "", "Connected to amqp://guest:**@127.0.0.1:5672//"),
            format("Tornado's default: the level's letter and the time in one bracket", """
                [I 261203 17:48:34 tor:6] order 1 served
                [W 261203 17:48:34 web:2293] 404 GET /orders/4 (127.0.0.1) 0.44ms
                [E 261203 17:48:34 web:1820] Uncaught exception GET /orders/3 (127.0.0.1)
                """, "2026-12-03T17:48:34Z", Severity.INFO, "", "order 1 served"),
            format("Twisted's logger: the level after the namespace and a hash sign", """
                2026-12-05T01:35:24+0000 [shop.orders#info] checkout done for user 17
                2026-12-05T01:35:24+0000 [shop.orders#error] payment gateway said no
                2026-12-05T01:35:24+0000 [twisted.web.server.Request#critical] order 42 has no lines
                """, "2026-12-05T01:35:24Z", Severity.INFO, "", "checkout done for user 17"),
            format("Rust's tracing-subscriber: the spans and their fields before the target", """
                2026-12-05T01:41:02.127592Z  INFO request{method="GET" path="/orders" id=0}:db: shop::orders: order placed
                2026-12-05T01:41:02.127665Z  WARN shop::db: slow query took_ms=812 table="orders"
                2026-12-05T01:41:02.127673Z ERROR conn{peer="10.0.0.1:443"}: hyper::proto: handshake failed
                """, "2026-12-05T01:41:02.127Z", Severity.INFO, "shop::orders", "order placed"),
            format("supervisord: its levels in four letters", """
                2026-12-05 02:05:22,736 DEBG 'crashy' stderr output:
                2026-12-05 02:05:22,737 WARN exited: crashy (exit status 3; not expected)
                2026-12-05 02:05:25,820 INFO gave up: crashy entered FATAL state, too many start retries too quickly
                2026-12-05 02:05:21,657 CRIT Server 'unix_http_server' running without any HTTP authentication checking
                """, "2026-12-05T02:05:22.736Z", Severity.DEBUG, "", "'crashy' stderr output:"),
            format("zerolog's console writer with a date: its trace, fatal and panic in three letters too", """
                2026-12-05T02:48:29Z TRC entering checkout
                2026-12-05T02:48:29Z FTL config unreadable
                2026-12-05T02:48:29Z PNC nil map write
                2026-12-05T02:48:29Z INF order placed
                """, "2026-12-05T02:48:29Z", Severity.TRACE, "", "entering checkout"),
            format("Serilog's file sink: VRB is verbose, FTL fatal", """
                2026-12-05 02:48:16.123 +00:00 [VRB] Entering checkout for order 7
                2026-12-05 02:48:16.124 +00:00 [FTL] Host terminated unexpectedly
                2026-12-05 02:48:16.125 +00:00 [INF] Order 7 placed
                """, "2026-12-05T02:48:16.123Z", Severity.TRACE, "", "Entering checkout for order 7"),
            format("Apache's trace levels: trace1 to trace8, the degree after the level", """
                [Sat Dec 05 02:56:16.572620 2026] [core:trace3] [pid 8743:tid 8747] request.c(360): request authorized
                [Sat Dec 05 02:56:14.494126 2026] [core:debug] [pid 8742:tid 8742] log.c(1611): AH02639: Using SO_REUSEPORT
                [Sat Dec 05 02:56:16.603419 2026] [core:info] [pid 8744:tid 8761] AH00128: File does not exist: /x
                """, "2026-12-05T02:56:16.572Z", Severity.TRACE, "request.c(360)", "request authorized"),
            format("etcd 3.4's capnslog: N is a notice", """
                2026-12-03 17:50:11.013842 N | etcdserver/membership: set the initial cluster version to 3.4
                2026-12-03 17:50:10.713587 W | auth: simple token is not cryptographically signed
                2026-12-03 17:50:10.704429 I | etcdmain: etcd Version: 3.4.23
                """, "2026-12-03T17:50:11.013Z", Severity.INFO, "etcdserver/membership",
                "set the initial cluster version to 3.4"),
            format("zerolog's console writer (Go's time.Kitchen, a three-letter level)", """
                5:46PM INF cart updated user=u1
                5:46PM ERR cannot save cart error="redis: connection refused"
                12:05AM WRN slow checkout ms=812
                """, "17:46", Severity.INFO, "", "cart updated user=u1"),
            format("PHP-FPM", """
                [01-Mar-2024 12:00:00] NOTICE: fpm is running, pid 1
                [01-Mar-2024 12:00:01] NOTICE: ready to handle connections
                [01-Mar-2024 12:00:02] WARNING: [pool www] server reached pm.max_children setting (5)
                """, "2024-03-01T12:00:00Z", Severity.INFO, "", "fpm is running, pid 1"),
            format("Heroku router", """
                2024-03-01T12:00:00.000000+00:00 heroku[router]: at=info method=GET path="/" host=shop.herokuapp.com status=200 bytes=13
                2024-03-01T12:00:01.000000+00:00 heroku[router]: at=info method=POST path="/cart" host=shop.herokuapp.com status=201 bytes=20
                2024-03-01T12:00:02.000000+00:00 app[web.1]: Order 42 placed
                """, "2024-03-01T12:00:00Z", NONE, "heroku",
                "at=info method=GET path=\"/\" host=shop.herokuapp.com status=200 bytes=13"),
            format("AWS Lambda runtime (tabs)", """
                2024-03-01T12:00:00.000Z\t6bc28136-0001-4365-b021-0ce6b2e64ab0\tINFO\tHello from Lambda
                2024-03-01T12:00:01.000Z\t6bc28136-0002-4365-b021-0ce6b2e64ab0\tERROR\tInvoke Error for order 7
                2024-03-01T12:00:02.000Z\t6bc28136-0003-4365-b021-0ce6b2e64ab0\tINFO\tDone in 31 ms
                """, "2024-03-01T12:00:00Z", Severity.INFO, "", "Hello from Lambda"),
            format("Android logcat threadtime", """
                03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs opening app wtoken = AppWindowToken{9f4ef63}
                03-17 16:13:38.819  1702  8671 D PowerManagerService: acquire lock=233570404, flags=0x1, uid=10037
                03-17 16:13:38.860  2227  2227 I chatty  : uid=10037(com.android.systemui) identical 2 lines
                """, "2024-03-17T16:13:38.811Z", Severity.DEBUG, "WindowManager",
                "printFreezingDisplayLogs opening app wtoken = AppWindowToken{9f4ef63}"),
            format("Android logcat threadtime, an assert (A) is fatal: no IBM message id after it", """
                03-17 16:13:40.001  1702  1702 A ActivityManager: Failure reading process stats
                03-17 16:13:40.019  1702  8671 D PowerManagerService: acquire lock=233570404, flags=0x1, uid=10037
                03-17 16:13:40.060  2227  2227 I chatty  : uid=10037(com.android.systemui) identical 2 lines
                """, "2024-03-17T16:13:40.001Z", Severity.FATAL, "ActivityManager", "Failure reading process stats"),
            format("Spark (log4j, yy/MM/dd)", """
                17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]
                17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to: yarn,curi
                17/06/09 20:10:41 INFO Remoting: Starting remoting
                """, "2017-06-09T20:10:40Z", Severity.INFO, "executor.CoarseGrainedExecutorBackend",
                "Registered signal handlers for [TERM, HUP, INT]"),
            format("pipe-separated date|component|pid|message", """
                20240301-12:00:00:606|Step_Counter|30002312|onStandStepChanged 3579
                20240301-12:00:00:615|Step_Counter|30002312|onExtend:1514038530000 14 0 4
                20240301-12:00:00:633|Step_Receiver|30002312|onReceive action: android.intent.action.SCREEN_ON
                """, "2024-03-01T12:00:00.606Z", NONE, "Step_Counter", "onStandStepChanged 3579"),
            format("bracketed date without a year, program, dash", """
                [10.30 16:49:06] chrome.exe - proxy.example.org:5070 open through proxy proxy.example.org:5070 HTTPS
                [10.30 16:49:07] chrome.exe - proxy.example.org:5070 close, 0 bytes sent, 0 bytes received, lifetime <1 sec
                [10.30 16:49:08] Sync Client.exe *64 - proxy.example.org:5070 open through proxy proxy.example.org:5070 HTTPS
                [10.30 16:49:09] firefox.exe - www.example.com:443 close, 1190 bytes (1.16 KB) sent, lifetime 00:02
                """, "2024-10-30T16:49:06Z", NONE, "chrome.exe",
                "proxy.example.org:5070 open through proxy proxy.example.org:5070 HTTPS"),
            format("file-name prefix before the timestamp (Python oslo.log)", """
                api.log.1.2024-03-01_12:00:00 2024-03-01 12:00:00.008 25746 INFO shop.api.wsgi.server [req-38101a0b-2096-447d-96ea-a692162415ae - - -] 10.0.0.1 "GET /v2/orders HTTP/1.1" status: 200 len: 1893 time: 0.2477829
                api.log.1.2024-03-01_12:00:00 2024-03-01 12:00:00.272 25746 INFO shop.api.wsgi.server [req-9bc36dd9-91c5-4314-898a-47625eb93b09 - - -] 10.0.0.1 "POST /v2/orders HTTP/1.1" status: 202 len: 380 time: 0.0913219
                worker.log.1.2024-03-01_12:00:31 2024-03-01 12:00:04.500 2931 WARNING shop.worker.manager [-] Order 7 stuck in state pending
                """, "2024-03-01T12:00:00.008Z", Severity.INFO, "shop.api.wsgi.server",
                "10.0.0.1 \"GET /v2/orders HTTP/1.1\" status: 200 len: 1893 time: 0.2477829"),
            format("structlog's console (the event padded so its key=value pairs line up)", """
                2024-03-01 12:00:00 [info     ] order placed                   order=42 user=alice
                2024-03-01 12:00:01 [warning  ] payment retry                  attempt=1 order=43
                2024-03-01 12:00:02 [error    ] charge failed                  order=44
                """, "2024-03-01T12:00:00Z", Severity.INFO, "", "order placed                   order=42 user=alice"),
            format("logrus's terminal format (level cut to four letters, seconds since start)", """
                INFO[0000] order placed                                  order=42 user=alice
                WARN[0000] payment retry                                 attempt=2 order=43
                ERRO[0001] charge failed                                 error="dial tcp: refused" order=44
                """, "-", Severity.INFO, "", "order placed                                  order=42 user=alice"),
            format("logrus's terminal format with full timestamps", """
                ERRO[2024-03-01T12:00:00Z] charge failed                                 order=44
                INFO[2024-03-01T12:00:01Z] order placed                                  order=45
                DEBU[2024-03-01T12:00:02Z] cache miss                                    key=sku:7
                """, "2024-03-01T12:00:00Z", Severity.ERROR, "", "charge failed                                 order=44"),
            format("Linux audit (audit.log: the stamp its time, the line its message, a failed call a warning)", """
                type=SYSCALL msg=audit(1796446640.593:1719): arch=c000003e syscall=59 success=no exit=-2 items=1 ppid=2911 pid=2912 comm="env" exe="/usr/bin/env" key="exec"
                type=CWD msg=audit(1796446640.593:1719): cwd="/work/main"
                type=PATH msg=audit(1796446640.593:1719): item=0 name="/usr/local/bin/bash" nametype=UNKNOWN cap_fp=0
                type=USER_AUTH msg=audit(1796446641.020:1722): pid=3011 uid=0 auid=0 ses=4 msg='op=PAM:authentication acct="rcuser" exe="/usr/bin/su" res=success'
                """, "2026-12-05T04:57:20.593Z", Severity.WARN, "",
                "type=SYSCALL msg=audit(1796446640.593:1719): arch=c000003e syscall=59 success=no exit=-2 items=1"
                + " ppid=2911 pid=2912 comm=\"env\" exe=\"/usr/bin/env\" key=\"exec\""),
            format("apex/log's text handler (the level right-aligned, whole, glued to the seconds)", """
                  INFO[0000] order placed              order=1000 user=alice
                 DEBUG[0000] cache miss                order=1001 user=alice
                 ERROR[0001] payment failed            error=connection refused order=1002 user=alice
                  WARN[0001] slow query                order=1003 user=alice
                """, "-", Severity.INFO, "", "order placed              order=1000 user=alice"),
            format("log15's terminal format (a level of four letters glued to month, day, a pipe and time)", """
                EROR[12-05|04:39:01] payment failed                           module=orders err="connection refused"
                INFO[12-05|04:39:01] order placed                             module=orders order=1000 user=alice
                WARN[12-05|04:39:02] slow query                               module=orders took=111ms
                """, "2024-12-05T04:39:01Z", Severity.ERROR, "",
                "payment failed                           module=orders err=\"connection refused\""),
            format("i2pd (its thread and level glued to the time, after an at sign and a slash)", """
                06:43:06@893/warn - Reseed: SU3 download failed
                06:43:06@893/info - Log: Logging level set to debug
                06:43:06@893/error - Reseed: Couldn't connect to reseed.diva.exchange: Host not found (authoritative)
                06:43:07@1047/debug - Tunnels: Creating zero hops inbound tunnel
                """, "06:43:06", Severity.WARN, "Reseed", "SU3 download failed"),
            format("java.util.logging's SimpleFormatter (its two lines joined by the reader)", """
                Mar 01, 2024 7:57:35 PM com.acme.shop.Orders place SEVERE: could not save order 7
                Mar 01, 2024 7:57:36 PM com.acme.shop.Orders place INFO: order 8 placed
                Mar 01, 2024 7:57:37 PM com.acme.shop.Payments charge WARNING: payment retry 2 for order 9
                """, "2024-03-01T19:57:35Z", Severity.ERROR, "com.acme.shop.Orders", "could not save order 7"),
            format("Windows CBS (padded columns)", """
                2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505 with Core: C:\\Windows\\winsxs\\cbscore.dll
                2016-09-28 04:30:31, Info                  CSI    00000001@2016/9/27:20:30:31.455 WcpInitialize (wcp.dll version 0.0.0.6) called
                2016-09-28 04:30:31, Info                  CBS    Ending TrustedInstaller initialization.
                """, "2016-09-28T04:30:30Z", Severity.INFO, "CBS",
                "Loaded Servicing Stack v6.1.7601.23505 with Core: C:\\Windows\\winsxs\\cbscore.dll"),
            format("supercomputer RAS lines (epoch, node, component, level)", """
                - 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected
                - 1117838573 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.53.276129 R02-M1-N0-C:J12-U11 RAS KERNEL INFO 63543 double-hummer alignment exceptions
                KERNDTLB 1118536327 2005.06.11 R30-M0-N9-C:J16-U01 2005-06-11-17.32.07.581048 R30-M0-N9-C:J16-U01 RAS KERNEL FATAL data TLB error interrupt
                """, "2005-06-03T22:42:50Z", Severity.INFO, "KERNEL", "instruction cache parity error corrected"),
            format("MIT Kerberos (krb5kdc, kadmind): the level in parentheses after the pid", """
                Dec 04 15:27:51 kdc1 krb5kdc[11437](Error): preauth spake failed to initialize: No SPAKE groups
                Dec 04 15:27:51 kdc1 krb5kdc[11437](info): setting up network...
                Dec 04 15:27:52 kdc1 krb5kdc[11437](info): AS_REQ (8 etypes {aes256-cts-hmac-sha1-96(18)}) \
                127.0.0.1: CLIENT_NOT_FOUND: nobody@SHOP.TEST for krbtgt/SHOP.TEST@SHOP.TEST
                Dec 04 15:27:53 kdc1 kadmind[77](Notice): Authentication attempt failed: admin/admin@SHOP.TEST
                """, "2024-12-04T15:27:51Z", Severity.ERROR, "krb5kdc",
                "preauth spake failed to initialize: No SPAKE groups"),
            format("Squid's cache.log: a debugging section and level after the time's pipe", """
                2026/12/04 14:57:29.818| 33,2| AsyncCall.cc(29) AsyncCall: The AsyncCall opened constructed
                2026/12/04 14:57:29.818| HTCP Disabled.
                2026/12/04 14:57:29.818| Pinger socket opened on FD 14
                2026/12/04 14:57:29 kid1| Squid plugin modules loaded: 0
                2026/12/04 14:57:30| WARNING: log name now starts with a module name.
                """, "2026-12-04T14:57:29.818Z", Severity.DEBUG, "",
                "AsyncCall.cc(29) AsyncCall: The AsyncCall opened constructed"),
            format("time and message only: message words stay message", """
                2024-01-01 10:00:00 user 42 logged in
                2024-01-01 10:00:01 user 43 logged in
                2024-01-01 10:00:02 payment failed for order 7
                2024-01-01 10:00:03 error connecting to db
                """, "2024-01-01T10:00:00Z", NONE, "", "user 42 logged in"),
            format("no header at all", """
                payment failed: card declined
                user 42 logged in
                Error: could not connect to db
                """, "-", NONE, "", "payment failed: card declined"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void learnsTheLayoutFromTheLinesAlone(String name, List<String> lines, Expected expected) {
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        String line = lines.get(0);
        LogHeader header = layout.parse(line);
        assertThat(line.substring(header.bodyStart(), header.bodyEnd(line))).as("body, layout " + layout.describe())
                .isEqualTo(expected.body());
        assertThat(header.severity()).as("severity").isEqualTo(expected.severity());
        if (expected.component() != null) { // null: not asked (the component is the layout's own, not the events')
            assertThat(header.component()).as("component").isEqualTo(expected.component());
        }
        if (expected.time().equals("-")) {
            assertThat(header.hasTime()).as("time").isFalse();
        } else if (expected.time().indexOf('T') < 0) { // a time of day alone, on the day that stands for any
            assertThat(LogHeader.isDateless(header.epochMillis())).as("time of day").isTrue();
            assertThat(java.time.LocalTime.ofNanoOfDay((header.epochMillis() - LogHeader.DATELESS_DAY) * 1_000_000))
                    .isEqualTo(java.time.LocalTime.parse(expected.time()));
        } else {
            assertThat(Instant.ofEpochMilli(header.epochMillis())).as("time").isEqualTo(Instant.parse(expected.time()));
        }
    }

    /**
     * Samba's debug level after the time in its bracket is read as Samba names its levels (0 errors, 1 warnings, up to
     * 9 information, 10 and above debugging), with or without the process after it; a number after a time in
     * another bracket, without the comma, is no level.
     */
    @org.junit.jupiter.api.Test
    void sambasDebugLevelsAreItsNamedLevels() {
        List<String> samba = List.of(
                "[2026/12/04 08:11:32.356265,  0] ../../source3/smbd/server.c:1741(main) smbd version 4.17 started.",
                "[2026/12/04 08:11:32.356343,  1, pid=25424] ../../source3/passdb/pdb_tdb.c:365(tdbsam_open) tdbsam",
                "[2026/12/04 08:11:32.356716,  3] ../../source3/lib/tallocmsg.c:84(register_msg_pool_usage) Registered",
                "[2026/12/04 08:11:40.000000, 10] ../../source3/smbd/smb2_server.c:4050(dispatch) read from socket",
                "[2026/12/04 08:11:41.000000] 10 requests served");
        assertSeverities(samba).containsExactly(Severity.ERROR, Severity.WARN, Severity.INFO, Severity.DEBUG, NONE);
    }

    /**
     * NFS-Ganesha's levels are its own names between colons ({@code MAJ} and {@code CRIT} errors, {@code EVENT} and
     * the always-logged {@code NULL} information, {@code F_DBG} debugging), and its date is the day's first though
     * every date of the log could be read month first; a word there that is no level of its is not read as one.
     */
    @org.junit.jupiter.api.Test
    void ganeshasLevelsAndItsDayFirstDatesAreItsOwn() {
        String record = "06/12/2026 13:53:45 : epoch 6b1568e9 : vm : nfs-ganesha-10926[main] load_fsal :NFS STARTUP :%s"
                + " :stat returned No such file or directory (2)";
        List<String> lines = List.of("MAJ", "CRIT", "EVENT", "NULL", "F_DBG", "WARN", "FATAL", "LOUD").stream()
                .map(level -> String.format(record, level)).toList();
        assertSeverities(lines).containsExactly(Severity.ERROR, Severity.ERROR, Severity.INFO, Severity.INFO,
                Severity.DEBUG, Severity.WARN, Severity.FATAL, NONE);
        LogHeader header = HeaderLayout.infer(lines, 2024).parse(lines.get(0));
        assertThat(Instant.ofEpochMilli(header.epochMillis())).isEqualTo("2026-12-06T13:53:45Z");
        assertThat(header.component()).isEqualTo("NFS STARTUP");
    }

    /**
     * A program's tag alone is a header when it names the process ({@code ocserv[30386]:}); a name and a colon alone,
     * however many lines open with one, may be any message's first word and is none.
     */
    @org.junit.jupiter.api.Test
    void aProgramsTagAloneIsAHeaderOnlyWithItsProcess() {
        List<String> tagged = List.of("ocserv[30386]: main: Starting", "ocserv[30388]: sec-mod: loaded 1 keys",
                "ocserv[30402]: worker: 127.0.0.1 accepted connection", "ocserv[30386]: main: initialized");
        List<String> named = List.of("main: Starting", "sec-mod: loaded 1 keys", "worker: 127.0.0.1 accepted",
                "main: initialized");
        HeaderLayout fromTags = HeaderLayout.infer(tagged, 2024);
        HeaderLayout fromNames = HeaderLayout.infer(named, 2024);
        assertThat(tagged.stream().map(line -> line.substring(fromTags.parse(line).bodyStart())).toList())
                .as(fromTags.describe()).containsExactly("main: Starting", "sec-mod: loaded 1 keys",
                        "worker: 127.0.0.1 accepted connection", "main: initialized");
        assertThat(named.stream().map(line -> fromNames.parse(line).bodyStart()).toList()).as(fromNames.describe())
                .containsOnly(0);
    }

    /**
     * A line that opens with the bracket of the log's header, a time in it, and lacks the fields after it keeps the
     * time as its header and the rest as its message, whatever the rest holds (rkhunter's checked file and its
     * result); a bracket without a time is no header there ({@code [SQL: ...]} under an error is message).
     */
    @org.junit.jupiter.api.Test
    void theTimeBracketAloneOfTheLogsHeaderIsAHeader() {
        List<String> lines = List.of("[14:40:38] Info: Starting test name 'filesystem'",
                "[14:40:39] Warning: Hidden directory found: /etc/.java", "[14:40:40] Info: Found 3 files",
                "[14:38:34]   /usr/bin/md5sum                                 [ OK ]",
                "[SQL: select * from orders] [parameters: ()]");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        assertThat(lines.stream().map(line -> line.substring(layout.parse(line).bodyStart())).toList())
                .as(layout.describe()).containsExactly("Starting test name 'filesystem'",
                        "Hidden directory found: /etc/.java", "Found 3 files",
                        "/usr/bin/md5sum                                 [ OK ]",
                        "[SQL: select * from orders] [parameters: ()]");
        assertThat(LogHeader.isDateless(layout.parse(lines.get(3)).epochMillis())).isTrue();
    }

    /**
     * A word in capitals glued to the thread that logs in brackets and a colon is the level field: a level word's
     * severity, none for another word (Minetest's {@code ACTION}); a bracket holding more than a thread's name is no
     * such field.
     */
    @org.junit.jupiter.api.Test
    void aWordGluedToItsThreadAndAColonIsTheLevelField() {
        List<String> lines = List.of("2026-12-06 15:51:02: ACTION[Main]: World at [/tmp/w]",
                "2026-12-06 15:51:02: WARNING[Main]: badmod loading",
                "2026-12-06 15:51:04: ERROR[Emerge-0]: about to fail",
                "2026-12-06 15:51:05: ACTION[Server]: singleplayer digs default:dirt at (1,2,3)",
                "2026-12-06 15:51:05: VERBOSE[Main]: Server: Loading mods");
        HeaderLayout layout = HeaderLayout.infer(lines, 2026);
        assertThat(severitiesAndBodies(layout, lines)).as(layout.describe()).containsExactly(
                "UNKNOWN World at [/tmp/w]", "WARN badmod loading", "ERROR about to fail",
                "UNKNOWN singleplayer digs default:dirt at (1,2,3)", "TRACE Server: Loading mods");
        List<String> others = List.of("2026-12-06 15:51:02: ERROR[a/b]: x", "2026-12-06 15:51:03: ERROR[a/b]: y",
                "2026-12-06 15:51:04: ERROR[a/b]: z");
        HeaderLayout other = HeaderLayout.infer(others, 2026);
        assertThat(others.stream().map(line -> other.parse(line).severity()).toList()).as(other.describe())
                .containsOnly(Severity.UNKNOWN);
    }

    /**
     * A level that fills the width its column is padded to has the arrow after it glued on ({@code error---} beside
     * {@code info ---}, verdaccio's default format without a time): the level is read and the arrow stays a separator,
     * also where most lines have it glued on.
     */
    @org.junit.jupiter.api.Test
    void aLevelFillingItsColumnIsReadWithTheArrowGluedToIt() {
        List<String> lines = List.of("info --- config file  - /etc/verdaccio/config.yaml",
                "error--- the user alice could not being added. Error: unauthorized access", "fatal--- exiting",
                "warn --- http address - http://127.0.0.1:4873/", "info <-- 127.0.0.1 requested 'GET /left-pad'");
        HeaderLayout layout = HeaderLayout.infer(lines, 2026);
        assertThat(severitiesAndBodies(layout, lines)).as(layout.describe()).containsExactly(
                "INFO config file  - /etc/verdaccio/config.yaml",
                "ERROR the user alice could not being added. Error: unauthorized access", "FATAL exiting",
                "WARN http address - http://127.0.0.1:4873/", "INFO 127.0.0.1 requested 'GET /left-pad'");
        List<String> mostlyErrors = List.of("error--- upstream down", "error--- upstream down again",
                "debug--- retrying", "info --- retried");
        HeaderLayout errors = HeaderLayout.infer(mostlyErrors, 2026);
        assertThat(mostlyErrors.stream().map(line -> line.substring(errors.parse(line).bodyStart())).toList())
                .as(errors.describe()).containsExactly("upstream down", "upstream down again", "retrying", "retried");
    }

    /**
     * A level's letter alone in brackets glued to the bracket after it is the level (PipeWire's {@code [T]} trace and
     * {@code [W]} warning among them); another letter there, or a letter in brackets a space before the next field,
     * is none.
     */
    @org.junit.jupiter.api.Test
    void aLevelsLetterGluedToTheNextBracketIsTheLevel() {
        List<String> lines = List.of("[T][12324.488570] pw.loop | iterate", "[W][12324.488571] pw.conf | no config",
                "[X][12324.488572] pw.conf | marked", "[E] [12324.488573] pw.conf | apart");
        assertSeverities(lines).containsExactly(Severity.TRACE, Severity.WARN, Severity.UNKNOWN, Severity.UNKNOWN);
    }

    /**
     * A level's letter alone in parentheses opening the line is the level (qBittorrent's {@code (N)} normal and {@code
     * (C)} critical among them); a letter that is no level's, or one in parentheses further in, is none.
     */
    @org.junit.jupiter.api.Test
    void aLevelsLetterInParenthesesOpeningTheLineIsTheLevel() {
        List<String> lines = List.of("(N) 2026-12-06T18:42:05 - started", "(C) 2026-12-06T18:42:19 - failed",
                "(X) 2026-12-06T18:42:20 - marked", "(W) 2026-12-06T18:42:21 - warned");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.ERROR, Severity.UNKNOWN, Severity.WARN);
        assertSeverities(List.of("2026-12-06T18:42:05 (W) - started", "2026-12-06T18:42:19 (E) - failed"))
                .containsOnly(Severity.UNKNOWN);
    }

    /**
     * GLib's default handler writes the program and its process, the log's domain glued to the level and, since GLib
     * 2.56, the time of day before the message: each form is read by its own header, the domain the component, a
     * message information, a critical an error. Without the time the line is no such header: a warning is still read
     * from its words, and a sentence that names a level is not one.
     */
    @org.junit.jupiter.api.Test
    void glibsMessagesAreReadByTheirOwnHeader() {
        List<String> lines = List.of("(gedit:4121): Gtk-CRITICAL **: 10:00:01.500: gtk_widget_show: assertion failed",
                "** (process:17): WARNING **: 10:00:02.000: could not connect",
                "** Message: 10:00:03.000: starting", "(rygel:1214): gupnp-context-manager-DEBUG: 10:00:04.000: up",
                "(gedit:4121): Gtk-WARNING **: cannot open display", "Note the DEBUG: 10:00:05.000: line is prose");
        HeaderLayout layout = HeaderLayout.infer(lines, 2026);
        assertThat(lines.stream().map(layout::parse).map(h -> h.severity() + " " + h.component()).toList())
                .containsExactly("ERROR Gtk", "WARN ", "INFO ", "DEBUG gupnp-context-manager", "WARN ", "UNKNOWN ");
        assertThat(severitiesAndBodies(layout, lines.subList(0, 2))).containsExactly(
                "ERROR gtk_widget_show: assertion failed", "WARN could not connect");
        assertThat(lines.stream().map(line -> LogHeader.isDateless(layout.parse(line).epochMillis())).toList())
                .containsExactly(true, true, true, true, false, false);
    }

    /** Each line's severity as the layout reads it, a space and its body. */
    private static List<String> severitiesAndBodies(HeaderLayout layout, List<String> lines) {
        return lines.stream().map(line -> {
            LogHeader header = layout.parse(line);
            return header.severity() + " " + line.substring(header.bodyStart());
        }).toList();
    }

    /**
     * SSSD's debug level, the bit of its mask in parentheses after the function, is read as its manual names them
     * (fatal, critical and serious failures, minor ones, settings and important information, function data and
     * tracing); another number in hex there, or one that is no mask's bit, says no level, and a level word in
     * parentheses is read as before.
     */
    @org.junit.jupiter.api.Test
    void sssdsDebugMaskIsItsLevel() {
        List<String> sssd = List.of(
                "(2026-12-05  6:32:32): [be[corp]] [sdap_sys_connect_done] (0x0020): connect failed [111].",
                "(2026-12-05  6:32:32): [be[corp]] [be_ptask_done] (0x0010): Fatal error, exiting.",
                "(2026-12-05  6:32:32): [be[corp]] [sysdb_get_real_name] (0x0080): Cannot find user [alice]",
                "(2026-12-05  6:32:32): [nss] [cache_req_process_dp_reply] (0x3f7c0): SSSD is offline",
                "(2026-12-05  6:32:32): [be[corp]] [fo_set_port_status] (0x0100): Marking port 3899 as 'not working'",
                "(2026-12-05  6:32:33): [be[corp]] [dp_get_options] (0x0400): Option ldap_uri has value ldap://h",
                "(2026-12-05  6:32:33): [be[corp]] [sdap_handle_release] (0x2000): Trace: sh[0x56026587d7b0]",
                "(2026-12-05  6:32:33): [be[corp]] [sdap_handle_release] (0x0300): releasing sh[0x56026587d7b0]",
                "(2026-12-05  6:32:33): [be[corp]] [sdap_handle_release] (0x7f30): releasing sh[0x56026587d7b0]");
        assertSeverities(sssd).containsExactly(Severity.ERROR, Severity.FATAL, Severity.WARN, Severity.INFO,
                Severity.INFO, Severity.DEBUG, Severity.TRACE, NONE, NONE);
        assertSeverities(List.of("2026-12-05 06:32:32 (warning) disk 91% full", "2026-12-05 06:32:33 (error) disk full",
                "2026-12-05 06:32:34 (info) disk cleaned")).as("a level word in parentheses")
                .containsExactly(Severity.WARN, Severity.ERROR, Severity.INFO);
    }

    /**
     * Icinga 2's level is the word before the slash in its {@code level/Facility:}; a component with a slash that
     * opens with no level word is a component, and says no level.
     */
    @org.junit.jupiter.api.Test
    void icingasLevelIsTheWordBeforeTheSlash() {
        List<String> icinga = List.of(
                "[2026-12-04 10:15:20 +0000] critical/Application: Could not open PID file '/run/icinga2/icinga2.pid'.",
                "[2026-12-04 10:15:49 +0000] warning/PluginCheckTask: Check command for object 'web-1!http' failed",
                "[2026-12-04 10:15:49 +0000] notice/WorkQueue: #5 (ApiListener, SyncQueue) items: 0, rate: 0/s",
                "[2026-12-04 10:15:49 +0000] debug/IdoMysqlConnection: Query: UPDATE icinga_programstatus",
                "[2026-12-04 10:15:49 +0000] api/handler: 12 requests served");
        assertSeverities(icinga).containsExactly(Severity.ERROR, Severity.WARN, Severity.INFO, Severity.DEBUG, NONE);
    }

    /**
     * A mail server's delivery says its level by its enhanced status code's class (RFC 3463), as an access line does
     * by its status: Postfix's {@code dsn=5.1.1} bounced, an error; {@code dsn=4.4.3} deferred, a warning; {@code
     * dsn=2.0.0} sent, information. A line without one, or with a field that only ends in {@code dsn=}, says nothing.
     */
    @org.junit.jupiter.api.Test
    void aMailDeliverysSeverityIsItsStatusCodesClass() {
        String delivery = "Dec 05 19:41:10 vm postfix/%s: 887971B00A6: to=<ops@shop.example>, relay=local, delay=0.08,"
                + " delays=0.01/0.03/0/0.04, %s=%s, status=%s";
        assertSeverities(List.of(String.format(delivery, "local[22111]", "dsn", "5.1.1", "bounced (unknown user)"),
                String.format(delivery, "smtp[22118]", "dsn", "4.4.3", "deferred (Host or domain name not found)"),
                String.format(delivery, "local[22112]", "dsn", "2.0.0", "sent (delivered to mailbox)"),
                String.format(delivery, "local[22112]", "olddsn", "5.1.1", "noted"),
                "Dec 05 19:41:10 vm postfix/qmgr[21967]: 9B0FD1B007D: removed"))
                .containsExactly(Severity.ERROR, Severity.WARN, Severity.INFO, NONE, NONE);
    }

    /**
     * Apache Derby's log: each record's header holds the thread and the transaction's context after the time, and
     * lines no rule folds into a record stand between them (the error under a failed statement, {@code Cleanup action
     * completed}). Lines with neither a time nor a level have no header to vote on, so the layout is the records'
     * whole header; a record of its time and a colon alone keeps its time though it lacks the other fields.
     */
    @org.junit.jupiter.api.Test
    void theLinesWithAHeaderAloneVoteOnTheLayout() {
        String alone = "Sat Dec 05 21:44:46 UTC 2026:";
        List<String> lines = new ArrayList<>(List.of(alone));
        String record = "Sat Dec 05 21:44:4%d UTC 2026 Thread[DRDAConnThread_2,5,main] (XID = 18%d), (SESSIONID = 1),"
                + " (DATABASE = shop), (DRDAID = {1}), %s";
        for (int i = 0; i < 7; i++) {
            lines.add(String.format(record, i, i, i % 2 == 0 ? "Committing" : "Failed Statement is: select 1"));
            if (i % 3 == 0 && i > 0) {
                lines.add("Cleanup action completed");
            }
        }
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        String committing = lines.get(1);
        assertThat(committing.substring(layout.parse(committing).bodyStart())).as(layout.describe())
                .isEqualTo("Committing");
        assertThat(Instant.ofEpochMilli(layout.parse(alone).epochMillis())).isEqualTo("2026-12-05T21:44:46Z");
        assertThat(layout.parse("Cleanup action completed").bodyStart()).isZero();
    }

    /**
     * Helidon's default format names the thread after the logger, as Java writes it ({@code Thread[#3,main,5,main]},
     * a virtual thread's {@code VirtualThread[#33,[0x4640a809 0x17c20a5d] WebServer socket]/runnable@...}): a name
     * whose brackets hold commas, spaces and brackets is one field, so a message logged on any thread starts after it.
     */
    @org.junit.jupiter.api.Test
    void aJavaThreadsNameIsOneFieldWhateverItsBracketsHold() {
        List<String> lines = List.of(
                "2026.12.05 21:35:36 INFO shop.Main Thread[#3,main,5,main]: Served order 1",
                "2026.12.05 21:35:39 INFO shop.Main VirtualThread[#33,[0x4640a809 0x17c20a5d] WebServer socket]"
                        + "/runnable@ForkJoinPool-1-worker-1: Served order 2",
                "2026.12.05 21:35:40 WARNING shop.Main VirtualThread[#39,[0x4640a809 0x78ebb9d3] WebServer socket]"
                        + "/runnable@ForkJoinPool-1-worker-2: Order 150 is over the page limit",
                "2026.12.05 21:35:40 INFO io.helidon.webserver.AccessLog.@default VirtualThread[#36,[0x4640a809"
                        + " 0x6430e15f] WebServer socket]/runnable@ForkJoinPool-1-worker-1: 127.0.0.1 - [05/Dec/2026:"
                        + "21:35:40 +0000] \"GET /orders/13 HTTP/1.1\" 500 0 3");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        List<String> bodies = lines.stream().map(line -> line.substring(layout.parse(line).bodyStart())).toList();
        assertThat(bodies.subList(0, 3)).as(layout.describe())
                .containsExactly("Served order 1", "Served order 2", "Order 150 is over the page limit");
        assertThat(bodies.get(3)).startsWith("127.0.0.1 - ");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.INFO, Severity.WARN, Severity.ERROR);
    }

    /**
     * A log whose logger writes a time and the message (Node's {@code debug} module) takes a time alone as its layout;
     * another writer's lines among them that hold a level in brackets after their time (tracer's) are read on their
     * own, their level and source taken, and a line of the first whose message opens with a bracket keeps it.
     */
    @org.junit.jupiter.api.Test
    void aLevelInBracketsAfterATimeAloneIsAnotherWritersAndReadOnItsOwn() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            lines.add("2026-12-06T18:49:3" + i + ".931Z engine intercepting request for path \"/socket.io/\"");
        }
        lines.add("2026-12-06T18:49:39.958Z [LaRSm0] joined room");
        lines.add("2026-12-06T18:49:39+0000 <warn> app.js:9 (Socket.<anonymous>) bad event from LaRSm0");
        lines.add("2026-12-06T18:49:40+0000 <trace> app.js:9 (Socket.<anonymous>) socket LaRSm0 gone");
        HeaderLayout layout = HeaderLayout.infer(lines, 2026);
        assertThat(layout.describe()).isEqualTo("TIME");
        assertThat(severitiesAndBodies(layout, lines.subList(8, 12))).containsExactly(
                "UNKNOWN engine intercepting request for path \"/socket.io/\"",
                "UNKNOWN [LaRSm0] joined room", "WARN bad event from LaRSm0", "TRACE socket LaRSm0 gone");
        assertThat(layout.parse(lines.get(10)).component()).isEqualTo("app.js:9");
    }

    /**
     * Two loggers in one stream, Dropwizard's records and its request log (its default: both on the console): the
     * fields the two share make a layout that fits every line, a word and a bracket, and would leave the records'
     * logger in their messages; the layout of the more common lines is learnt, whichever they are, and the other's
     * lines are read on their own.
     */
    @org.junit.jupiter.api.Test
    void theMoreCommonOfTwoLoggersLinesGivesTheLayout() {
        String record = "%s  [2026-12-05 21:07:0%d,234] shop.App$Orders: Served order %d";
        String request = "127.0.0.1 - - [05/Dec/2026:21:07:0%d +0000] \"GET /orders/%d HTTP/1.1\" %d 8 \"-\" \"curl\"";
        List<String> records = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            records.add(String.format(record, i % 3 == 0 ? "WARN " : "INFO ", i, i));
            requests.add(String.format(request, i, i, i % 3 == 0 ? 404 : 200));
        }
        List<String> mostlyRecords = new ArrayList<>(records);
        mostlyRecords.addAll(requests.subList(0, 3));
        List<String> mostlyRequests = new ArrayList<>(requests);
        mostlyRequests.addAll(records.subList(0, 3));
        for (List<String> lines : List.of(mostlyRecords, mostlyRequests)) {
            HeaderLayout layout = HeaderLayout.infer(lines, 2024);
            LogHeader header = layout.parse(records.get(0));
            assertThat(header.component()).as(layout.describe()).isEqualTo("shop.App$Orders");
            assertThat(header.severity()).isEqualTo(Severity.WARN);
            assertThat(records.get(0).substring(header.bodyStart())).isEqualTo("Served order 0");
            LogHeader access = layout.parse(requests.get(0));
            assertThat(access.severity()).isEqualTo(Severity.WARN);
            assertThat(Instant.ofEpochMilli(access.epochMillis())).isEqualTo("2026-12-05T21:07:00Z");
        }
    }

    /**
     * An access log's severity is its status class: a 5xx an error, a 4xx a warning, others information; a quoted
     * body that is no request line, or a status that is no number, says nothing.
     */
    @org.junit.jupiter.api.Test
    void anAccessLogsSeverityIsItsStatusClass() {
        List<String> lines = List.of(
                "10.0.0.1 - - [10/Oct/2023:13:55:36 -0700] \"GET /cart HTTP/1.1\" 200 2326 \"-\" \"curl/8\"",
                "10.0.0.1 - - [10/Oct/2023:13:55:37 -0700] \"GET /cart/7 HTTP/1.1\" 404 153 \"-\" \"curl/8\"",
                "10.0.0.1 - - [10/Oct/2023:13:55:38 -0700] \"POST /pay HTTP/2.0\" 503 0 \"-\" \"curl/8\"",
                "10.0.0.1 - - [10/Oct/2023:13:55:39 -0700] \"GET /pay HTTP/1.1\" 499",
                "10.0.0.1 - - [10/Oct/2023:13:55:40 -0700] \"not a request\" 500 0",
                "10.0.0.1 - - [10/Oct/2023:13:55:41 -0700] \"GET /x HTTP/1.1\" - 0");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.WARN, Severity.ERROR, Severity.WARN, NONE,
                NONE);

        List<String> uvicorn = List.of( // every request at INFO: the status raises it, a level above INFO stays
                "INFO:     127.0.0.1:33278 - \"GET /orders/1 HTTP/1.1\" 200 OK",
                "INFO:     127.0.0.1:33290 - \"GET /orders/abc1 HTTP/1.1\" 422 Unprocessable Entity",
                "INFO:     127.0.0.1:33300 - \"GET /orders/7 HTTP/1.1\" 500 Internal Server Error",
                "ERROR:    127.0.0.1:33310 - \"GET /orders/8 HTTP/1.1\" 200 OK");
        assertSeverities(uvicorn).containsExactly(Severity.INFO, Severity.WARN, Severity.ERROR, Severity.ERROR);
        List<String> log4js = List.of( // requests logged at DEBUG: a status raises it to a warning, not to INFO
                "[2026-12-04T22:53:31.003] [DEBUG] http - GET /orders/0 200 10ms",
                "[2026-12-04T22:53:31.004] [DEBUG] http - GET /orders/1 404 11ms",
                "[2026-12-04T22:53:31.004] [TRACE] http - GET /orders/2 302 12ms",
                "[2026-12-04T22:53:31.004] [DEBUG] http - GET /orders/3 503 13ms");
        assertSeverities(log4js).containsExactly(Severity.DEBUG, Severity.WARN, Severity.TRACE, Severity.ERROR);
        List<String> phpFpm = List.of( // php-fpm's default: the method and the path alone, the status after them
                "127.0.0.1 -  03/Dec/2026:20:31:16 +0000 \"GET /index.php\" 200",
                "127.0.0.1 -  03/Dec/2026:20:31:16 +0000 \"GET /index.php\" 500",
                "127.0.0.1 -  03/Dec/2026:20:31:17 +0000 \"POST /orders.php\" 404",
                "127.0.0.1 -  03/Dec/2026:20:31:17 +0000 \"GET index.php\" 500",
                "127.0.0.1 -  03/Dec/2026:20:31:17 +0000 \"GET /index.php now\" 500");
        assertSeverities(phpFpm).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, NONE, NONE);
        List<String> uvicornLog = List.of("INFO:     Started server process [30220]", // its own lines most
                "INFO:     Waiting for application startup.", "INFO:     Application startup complete.",
                "INFO:     Uvicorn running on http://127.0.0.1:8170 (Press CTRL+C to quit)",
                "INFO:     127.0.0.1:33584 - \"GET /orders/1 HTTP/1.1\" 200 OK",
                "INFO:     127.0.0.1:33588 - \"GET /orders/3 HTTP/1.1\" 500 Internal Server Error",
                "ERROR:    Exception in ASGI application",
                "INFO:     127.0.0.1:33594 - \"GET /orders/4 HTTP/1.1\" 404 Not Found",
                "INFO:     127.0.0.1:33594 - \"not a request\" 500 Not Found",
                "INFO:     Shutting down", "INFO:     Finished server process [30220]");
        assertSeverities(uvicornLog).containsExactly(Severity.INFO, Severity.INFO, Severity.INFO, Severity.INFO,
                Severity.INFO, Severity.ERROR, Severity.ERROR, Severity.WARN, Severity.INFO, Severity.INFO,
                Severity.INFO);

        List<String> wrapped = List.of( // an access line as another logger's message (Python's default format)
                "INFO:werkzeug:127.0.0.1 - - [03/Dec/2026 13:23:28] \"GET /orders/1 HTTP/1.1\" 200 -",
                "INFO:werkzeug:127.0.0.1 - - [03/Dec/2026 13:23:28] \"GET /orders/5 HTTP/1.1\" 500 -",
                "INFO:werkzeug:127.0.0.1 - - [03/Dec/2026 13:23:28] \"GET /orders/7 HTTP/1.1\" 404 -",
                "INFO:shop.orders:order 8 placed at 10.0.0.1 [done] \"fast\" 500 ms",
                "INFO:gunicorn:10.0.0.1 [web-1] [500]: x - [03/Dec/2026 13:23:29] \"GET /orders/9 HTTP/1.1\" 503 -");
        assertSeverities(wrapped).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, Severity.INFO,
                Severity.ERROR);

        List<String> morgan = List.of( // no quotes, no header: morgan's dev and tiny formats, a request line
                "GET /orders/1 200 2.139 ms - 8", "GET /orders/5 500 0.913 ms - 4", "POST /orders 404 4 - 1.2 ms",
                "GET /orders/7 HTTP/1.1 503", "GET /orders/7 returned 500", "GETTING /x 500 done", "GET /x 5000 ms");
        assertSeverities(morgan).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, Severity.ERROR, NONE,
                NONE, NONE);
        List<String> morganShort = List.of("127.0.0.1 - GET / HTTP/1.1 200 2 - 1.211 ms", // the client before
                "127.0.0.1 - GET /boom HTTP/1.1 500 955 - 1.358 ms", "10.0.0.9 - GET /x HTTP/1.1 404 146 - 0.555 ms",
                "127.0.0.1 - - stopped after 500 ms");
        assertSeverities(morganShort).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, NONE);
        List<String> koa = List.of("<-- GET /boom", "xxx GET /boom 500 0ms -", "--> GET /missing 404 1ms 9b",
                "--> GET /b 200 0ms 2b", "<-- GET /b 500", "-> GET /b 500 0ms"); // koa-logger, its margin off
        assertSeverities(koa).containsExactly(NONE, Severity.ERROR, Severity.WARN, Severity.INFO, NONE, NONE);

        List<String> phpServer = new java.util.ArrayList<>(); // PHP's built-in server: client, [status]: request
        List<String> requests = List.of("[200]: GET /orders/1", "[500]: GET /orders/4 - Uncaught RuntimeException: x",
                "[404]: POST /zz", "[500]: order 4 failed", "[5x0]: GET /zz");
        for (int i = 0; i < requests.size(); i++) {
            String client = "[Thu Dec  3 15:04:41 2026] 127.0.0.1:5530" + i + " ";
            phpServer.addAll(List.of(client + "Accepted", client + requests.get(i), client + "Closing"));
        }
        List<String> haproxy = List.of( // HAProxy's HTTP log: the status after the five timers
                "127.0.0.1:57908 [03/Dec/2026:15:32:01.590] fe be/app1 0/0/0/1/1 200 147 - - ---- 1/1/0/0/0 0/0 "
                        + "\"GET /orders/1 HTTP/1.1\"",
                "127.0.0.1:57916 [03/Dec/2026:15:32:01.614] fe be/down1 0/0/-1/-1/3006 503 217 - - SC-- 1/1/0/0/3 0/0 "
                        + "\"GET /orders/2 HTTP/1.1\"",
                "127.0.0.1:55074 [03/Dec/2026:15:32:10.745] fe be/app1 -1/0/0/0/+0 404 152 - - ---- 1/1/0/0/0 0/0 "
                        + "\"GET /zz HTTP/1.1\"",
                "127.0.0.1:55074 [03/Dec/2026:15:32:10.745] fe be/app1 0/0/0/0 500 152 - - ---- 1/1/0/0/0 0/0 "
                        + "\"GET /zz HTTP/1.1\"",
                "127.0.0.1:55074 [03/Dec/2026:15:32:10.745] fe be/app1 0/0/0-1/0/0 500 152 - - ---- 1/1/0/0/0 0/0 "
                        + "\"GET /zz HTTP/1.1\"");
        assertSeverities(haproxy).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, NONE, NONE);
        List<String> syslogged = haproxy.stream().map(line -> "Dec  3 15:32:01 lb1 haproxy[812]: " + line).toList();
        assertSeverities(syslogged).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, NONE, NONE);
        HeaderLayout layout = HeaderLayout.infer(haproxy, 2024);
        assertThat(Instant.ofEpochMilli(layout.parse(haproxy.get(0)).epochMillis()))
                .isEqualTo("2026-12-03T15:32:01.590Z");

        List<String> squid = List.of( // Squid's native access log: the status glued to the result code
                "1796321434.796      2 127.0.0.1 TCP_MISS/503 3434 GET http://127.0.0.1:8999/x - HIER_DIRECT/127.0.0.1 "
                        + "text/html",
                "1796321434.828      0 127.0.0.1 TCP_DENIED/403 3432 GET http://shop.example/ - HIER_NONE/- text/html",
                "1796321434.854     12 127.0.0.1 TCP_TUNNEL/200 3446 CONNECT shop.example:443 - HIER_DIRECT/10.0.0.1 -",
                "1796321434.900      0 127.0.0.1 NONE_NONE/000 0 - error:transaction-end-before-headers - "
                        + "HIER_NONE/- -",
                "1796321434.950      5 worker SENT/500 items done",
                "1796321434.990      5 worker TCP_/500 items done");
        assertSeverities(squid).containsExactly(Severity.ERROR, Severity.WARN, Severity.INFO, NONE, NONE, NONE);

        List<String> answered = List.of( // a framework's line that it answered a request: Rails', Phoenix's
                "I, [2024-03-01T12:00:00.123456 #42]  INFO -- : [8f5b7d2a] Completed 200 OK in 12ms (Views: 3.1ms)",
                "I, [2024-03-01T12:00:01.123456 #42]  INFO -- : [8f5b7d2b] Completed 500 Internal Server Error in 9ms",
                "I, [2024-03-01T12:00:02.123456 #42]  INFO -- : Completed 404 Not Found in 1ms",
                "I, [2024-03-01T12:00:03.123456 #42]  INFO -- : [8f5b7d2c] Completed the import of 500 rows");
        assertSeverities(answered).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, Severity.INFO);
        List<String> plug = List.of("15:05:18.002 request_id=F1w [info] GET /orders/7",
                "15:05:18.003 request_id=F1x [info] Sent 503 in 2ms",
                "15:05:18.004 request_id=F1y [info] Sent 500 emails in 2ms");
        assertSeverities(plug).containsExactly(Severity.INFO, Severity.ERROR, Severity.INFO);

        List<String> uwsgi = new java.util.ArrayList<>(); // uWSGI's prints, a Python app's records, the request log
        for (String print : List.of("*** Starting uWSGI 2.0.21 (64bit) on [Thu Dec  3 15:54:56 2026] ***",
                "compiled with version: 12.2.0 on 13 March 2023 00:00:00", "os: Linux-6.18.44 #1 SMP", "nodename: vm",
                "machine: x86_64", "clock source: unix", "pcre jit disabled", "detected number of CPU cores: 2",
                "current working directory: /tmp/uw", "detected binary path: /usr/bin/uwsgi-core")) {
            uwsgi.add(print);
        }
        uwsgi.add("2026-12-03 15:54:58,445 INFO shop order 1 served");
        for (int status : new int[] {200, 500, 404}) {
            uwsgi.add("[pid: 726|app: 0|req: 1/1] 127.0.0.1 () {24 vars in 260 bytes} [Thu Dec  3 15:54:58 2026] "
                    + "GET /orders/1 => generated 2 bytes in 2 msecs (HTTP/1.1 " + status + ") 1 headers in 45 bytes");
        }
        assertSeverities(uwsgi).endsWith(Severity.INFO, Severity.INFO, Severity.ERROR, Severity.WARN);
        HeaderLayout prints = HeaderLayout.infer(uwsgi, 2024);
        assertThat(Instant.ofEpochMilli(prints.parse(uwsgi.get(10)).epochMillis()))
                .isEqualTo("2026-12-03T15:54:58.445Z");
        assertThat(prints.parse(uwsgi.get(1)).bodyStart()).as("a print is all message").isZero();
        LogHeader request = prints.parse(uwsgi.get(12)); // its time in the bracket after the sizes, the request after
        assertThat(Instant.ofEpochMilli(request.epochMillis())).isEqualTo("2026-12-03T15:54:58Z");
        assertThat(uwsgi.get(12).substring(request.bodyStart())).startsWith("GET /orders/1 => generated 2 bytes");
        HeaderLayout requestLog = HeaderLayout.infer(uwsgi.subList(11, 14), 2024); // a request log alone
        assertThat(requestLog.parse(uwsgi.get(12)).severity()).isEqualTo(Severity.ERROR);
        assertThat(requestLog.parse(uwsgi.get(12)).bodyStart()).isEqualTo(request.bodyStart());
        List<String> served = new java.util.ArrayList<>(); // the app's records, fewer than the requests among them
        for (int order = 1; order <= 3; order++) {
            served.add("2026-12-03 15:54:5" + order + ",445 INFO shop order " + order + " served");
            served.addAll(uwsgi.subList(11, 14));
        }
        assertThat(HeaderLayout.infer(served, 2024).describe()).isEqualTo("TIME LEVEL");

        List<String> alb = List.of( // AWS load balancers: the status after three processing times
                "http 2024-03-01T12:00:00.186641Z app/shop/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 "
                        + "0.000 200 200 34 366 \"GET http://shop.example.com:80/ HTTP/1.1\" \"curl/7.46.0\" - -",
                "https 2024-03-01T12:00:01.186641Z app/shop/50dc6c495c0c9188 192.168.131.39:2818 - -1 -1 -1 503 - 34 "
                        + "366 \"GET https://shop.example.com:443/cart HTTP/1.1\" \"curl/7.46.0\" - -",
                "2024-03-01T12:00:02.945958Z shop 192.168.131.39:2819 10.0.0.1:80 0.000073 0.001048 0.000057 404 404 0 "
                        + "29 \"GET http://shop.example.com:80/x HTTP/1.1\" \"curl/7.38.0\" - -",
                "2024-03-01T12:00:03.000000Z shop took 0.5 0.25 0.125 seconds over 300 requests",
                "2024-03-01T12:00:04.000000Z shop 0.5 0.25 0.125 5000 requests");
        assertSeverities(alb).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, NONE, NONE);

        assertSeverities(phpServer).containsExactly(NONE, Severity.INFO, NONE, NONE, Severity.ERROR, NONE,
                NONE, Severity.WARN, NONE, NONE, NONE, NONE, NONE, NONE, NONE);
    }

    /**
     * gunicorn's records and its access log on one output (a container's): the access lines fit gunicorn's layout by
     * their dashes, but read on their own they have a time, and the status after the request gives their severity.
     */
    @org.junit.jupiter.api.Test
    void anotherLoggersLineThatFitsTheLayoutByItsDashesKeepsItsOwnTime() {
        List<String> lines = List.of(
                "[2026-12-03 17:49:24 +0000] [15928] [INFO] Starting gunicorn 20.1.0",
                "[2026-12-03 17:49:24 +0000] [15928] [INFO] Using worker: sync",
                "[2026-12-03 17:49:24 +0000] [15929] [INFO] Booting worker with pid: 15929",
                "served /a",
                "127.0.0.1 - - [03/Dec/2026:17:49:26 +0000] \"GET /a HTTP/1.1\" 200 2 \"-\" \"curl/7.88.1\"",
                "[2026-12-03 17:49:26 +0000] [15929] [ERROR] Error handling request /boom",
                "127.0.0.1 - - [03/Dec/2026:17:49:27 +0000] \"GET /boom HTTP/1.1\" 500 0 \"-\" \"-\"",
                "127.0.0.1 - - [03/Dec/2026:17:49:28 +0000] \"GET /orders/4 HTTP/1.1\" 404 - 0.0018",
                "[2026-12-03 17:49:29 +0000] [15928] [WARNING] Worker with pid 15929 was terminated");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.INFO, Severity.INFO, NONE, Severity.INFO,
                Severity.ERROR, Severity.ERROR, Severity.WARN, Severity.WARN);
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        LogHeader access = layout.parse(lines.get(6));
        assertThat(Instant.ofEpochMilli(access.epochMillis())).as(layout.describe()).isEqualTo("2026-12-03T17:49:27Z");
        assertThat(lines.get(6).substring(access.bodyStart())).startsWith("\"GET /boom HTTP/1.1\" 500");
        assertThat(layout.parse(lines.get(3)).bodyStart()).as("a print is all message").isZero();
        assertThat(lines.get(7).substring(layout.parse(lines.get(7)).bodyStart())).as("up to the date, no further")
                .isEqualTo("\"GET /orders/4 HTTP/1.1\" 404 - 0.0018");
    }

    /**
     * An Express app's output: winston's records and morgan's access lines, half and half, and an error's first line.
     * The layout learnt from both holds no time, and the access lines fit it by their dashes: they keep their own
     * date.
     */
    @org.junit.jupiter.api.Test
    void aDatedLineThatFitsAnUntimedLayoutByItsDashesKeepsItsOwnTime() {
        List<String> express = List.of("2026-12-03T20:36:19.298Z [info]: listening on 8177",
                "2026-12-03T20:36:19.345Z [info]: order 1 served",
                "127.0.0.1 - - [03/Dec/2026:20:36:19 +0000] \"GET /orders/1 HTTP/1.1\" 200 2",
                "2026-12-03T20:36:19.365Z [error]: order 3 failed: card declined",
                "127.0.0.1 - - [03/Dec/2026:20:36:19 +0000] \"GET /orders/3 HTTP/1.1\" 500 896",
                "Error: order 3 failed",
                "2026-12-03T20:36:19.371Z [warn]: order 4 not found",
                "127.0.0.1 - - [03/Dec/2026:20:36:19 +0000] \"GET /orders/4 HTTP/1.1\" 404 2",
                "127.0.0.1 - - [03/Dec/2026:20:36:20 +0000] \"GET /nope HTTP/1.1\" 404 143");
        HeaderLayout layout = HeaderLayout.infer(express, 2024);
        LogHeader access = layout.parse(express.get(4));
        assertThat(Instant.ofEpochMilli(access.epochMillis())).as(layout.describe()).isEqualTo("2026-12-03T20:36:19Z");
        assertThat(express.get(4).substring(access.bodyStart())).isEqualTo("\"GET /orders/3 HTTP/1.1\" 500 896");
        assertThat(access.severity()).isEqualTo(Severity.ERROR);
    }

    /**
     * Django's development server prints its start-up without a header and each request as {@code [03/Dec/2026
     * 17:49:01] "GET /orders/3 HTTP/1.1" 500 145}: a line that opens with a date in brackets is read on its own.
     */
    @org.junit.jupiter.api.Test
    void requestLinesOfPythonsDevelopmentServers() {
        List<String> django = List.of("Performing system checks...", "System check identified no issues (0 silenced).",
                "December 03, 2026 - 17:48:59", "Django version 3.2.25, using settings 'shop.settings'",
                "Starting development server at http://127.0.0.1:8125/", "Quit the server with CONTROL-C.",
                "order 1 slow: 812 ms", "[03/Dec/2026 17:49:01] \"GET /orders/1 HTTP/1.1\" 200 2",
                "[03/Dec/2026 17:49:02] \"GET /orders/3 HTTP/1.1\" 500 145",
                "[03/Dec/2026 17:49:03] \"GET /orders/4 HTTP/1.1\" 404 179", "[in brackets] not dated");
        assertSeverities(django).endsWith(NONE, Severity.INFO, Severity.ERROR, Severity.WARN, NONE);
        HeaderLayout layout = HeaderLayout.infer(django, 2024);
        assertThat(Instant.ofEpochMilli(layout.parse(django.get(8)).epochMillis())).as(layout.describe())
                .isEqualTo("2026-12-03T17:49:02Z");
        assertThat(layout.parse(django.get(10)).bodyStart()).isZero();
    }

    /**
     * PostgreSQL under Debian's prefix {@code %m [%p] %q%u@%d }: the server's own lines have no user and database,
     * a client's have them ({@code [unknown]@[unknown]} before the login), so no layout field holds the severity
     * after them; it is still the level, and the user and database are no part of the message.
     */
    @org.junit.jupiter.api.Test
    void postgresSeverityAfterThePrefixsUserAndDatabase() {
        List<String> debian = List.of(
                "2026-12-03 20:14:06.363 UTC [14946] LOG:  database system is ready to accept connections",
                "2026-12-03 20:14:08.481 UTC [15045] [unknown]@[unknown] LOG:  connection received: host=[local]",
                "2026-12-03 20:14:08.504 UTC [15045] app@shop ERROR:  duplicate key value violates unique constraint",
                "2026-12-03 20:14:08.504 UTC [15045] app@shop DETAIL:  Key (id)=(1) already exists.",
                "2026-12-03 20:14:08.695 UTC [15055] postgres@nodb FATAL:  database \"nodb\" does not exist",
                "2026-12-03 20:14:09.012 UTC [15068] postgres@shop LOG:  duration: 204.025 ms  statement: select 1",
                "2026-12-03 20:14:09.464 UTC [14948] LOG:  shutting down",
                "2026-12-03 20:14:09.465 UTC [14948] the checkpoint was stopped by ERROR:  words, no prefix");
        assertSeverities(debian).containsExactly(Severity.INFO, Severity.INFO, Severity.ERROR, NONE, Severity.FATAL,
                Severity.INFO, Severity.INFO, NONE);
        HeaderLayout layout = HeaderLayout.infer(debian, 2024);
        String error = debian.get(2);
        assertThat(error.substring(layout.parse(error).bodyStart())).as(layout.describe())
                .isEqualTo("duplicate key value violates unique constraint");
        assertThat(layout.parse(debian.get(0)).component()).isEmpty(); // LOG is no logger's name
    }

    /**
     * A server whose {@code lc_messages} names another language writes its severities in it, as PostgreSQL's own
     * translations do: German's {@code FEHLER}, {@code WARNUNG}, {@code HINWEIS}, French's {@code ERREUR} and {@code
     * ATTENTION}, Italian's {@code FATALE}, Russian's {@code ОШИБКА}, Chinese's {@code 错误}; each is its English
     * word's level, and the message starts after it.
     */
    @org.junit.jupiter.api.Test
    void postgresSeveritiesInTheServersLanguage() {
        List<String> lines = List.of(
                "2026-12-06 03:06:59.161 UTC [32229] LOG:  Datenbanksystem ist bereit, um Verbindungen anzunehmen",
                "2026-12-06 03:07:01.507 UTC [32242] postgres@postgres FEHLER:  Division durch Null",
                "2026-12-06 03:07:01.510 UTC [32242] postgres@postgres WARNUNG:  es gibt keine Transaktion",
                "2026-12-06 03:07:01.520 UTC [32242] postgres@postgres HINWEIS:  Tabelle »t« existiert nicht",
                "2026-12-06 03:07:04.607 UTC [32276] postgres@postgres ERREUR:  division par zéro",
                "2026-12-06 03:07:04.610 UTC [32276] postgres@postgres ATTENTION:  aucune transaction en cours",
                "2026-12-06 03:07:05.100 UTC [32280] nobody@postgres FATALE:  il ruolo \"nobody\" non esiste",
                "2026-12-06 03:07:06.100 UTC [32290] postgres@postgres ОШИБКА:  деление на ноль",
                "2026-12-06 03:07:09.001 UTC [32310] postgres@postgres 错误:  除以零",
                "2026-12-06 03:07:10.001 UTC [32311] postgres@postgres SOTTOSOPRA:  no severity");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, Severity.INFO,
                Severity.ERROR, Severity.WARN, Severity.FATAL, Severity.ERROR, Severity.ERROR, NONE);
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        assertThat(lines.get(4).substring(layout.parse(lines.get(4)).bodyStart())).as(layout.describe())
                .isEqualTo("division par zéro");
    }

    /**
     * journalctl and syslog files put their header before every line a program writes to syslog or its output
     * ({@code Dec 03 23:06:10 vm postgres[314]: }); a program that writes its own header under it (PostgreSQL's
     * prefix, a Python logger's time and level) still says its level, its date and where its message starts. A
     * message that only holds a date further in keeps it.
     */
    @org.junit.jupiter.api.Test
    void aProgramsOwnHeaderUnderSyslogs() {
        List<String> lines = List.of(
                "Dec 03 23:06:10 vm postgres[314]: [8-1] 2026-12-03 23:06:10 UTC [314]: [3-1] user=shop,db=shop "
                        + "ERROR:  division by zero",
                "Dec 03 23:06:10 vm postgres[314]: [9-1] 2026-12-03 23:06:10 UTC [314]: [5-1] user=,db= "
                        + "LOG:  checkpoint starting: time",
                "Dec 03 23:06:11 vm worker[9]: 2026-12-03 23:06:11,402 WARNING jobs: job 7 retried",
                "Dec 03 23:06:12 vm checkout[31]: INFO:     127.0.0.1:33588 - \"GET /orders/3 HTTP/1.1\" 500",
                "Dec 03 23:06:13 vm worker[9]: job 8 due 2026-12-04 00:00:00, queued");
        assertSeverities(lines).containsExactly(Severity.ERROR, Severity.INFO, Severity.WARN, Severity.ERROR, NONE);
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        List<String> messages = lines.stream().map(line -> line.substring(layout.parse(line).bodyStart())).toList();
        assertThat(messages).as(layout.describe()).containsExactly("division by zero", "checkpoint starting: time",
                "job 7 retried", "127.0.0.1:33588 - \"GET /orders/3 HTTP/1.1\" 500",
                "job 8 due 2026-12-04 00:00:00, queued");
        assertThat(layout.parse(lines.get(2)).component()).isEqualTo("worker");
        HeaderLayout yearless = HeaderLayout.infer(lines, YearlessTimes.PARSED_IN); // as the miner reads them
        assertThat(Instant.ofEpochMilli(yearless.parse(lines.get(2)).epochMillis()))
                .as("the program's date has the year syslog's leaves out")
                .isEqualTo(Instant.parse("2026-12-03T23:06:11.402Z"));
        assertThat(YearlessTimes.isYearless(yearless.parse(lines.get(4)).epochMillis())).isTrue();
        String tomcat = "Dec 03 23:06:14 vm tomcat[5]: Dec 03, 2026 11:06:14 PM org.apache.catalina.Catalina start";
        assertThat(Instant.ofEpochMilli(yearless.parse(tomcat).epochMillis())).as("a date that opens with its month")
                .isEqualTo(Instant.parse("2026-12-03T23:06:14Z"));
    }

    /**
     * nginx sends syslog a header with its host, which journald does not take off: its error and access lines under
     * journalctl's header repeat the host and the program as a tag. The repeat is no message: the error's own date
     * and level are read after it, the access line's status gives its level. A message that merely opens with two
     * words and a colon keeps them.
     */
    @org.junit.jupiter.api.Test
    void aRepeatedHostAndTagUnderJournaldsHeader() {
        List<String> lines = List.of(
                "Dec 03 23:04:37 vm nginx[30814]: vm nginx: 2026/12/03 23:04:37 [error] 30814#30814: *159 connect() "
                        + "failed (111: Connection refused) while connecting to upstream",
                "Dec 03 23:04:37 vm nginx[30814]: vm nginx_access: 127.0.0.1 - - [03/Dec/2026:23:04:37 +0000] "
                        + "\"GET /api/orders/40 HTTP/1.1\" 502 157 \"-\" \"curl/7.88.1\"",
                "Dec 03 23:04:38 vm nginx[30814]: vm nginx_access: 127.0.0.1 - - [03/Dec/2026:23:04:38 +0000] "
                        + "\"GET /missing.png HTTP/1.1\" 404 153 \"-\" \"curl/7.88.1\"",
                "Dec 03 23:04:39 vm sshd[7]: User root: not allowed because listed in DenyUsers");
        assertSeverities(lines).containsExactly(Severity.ERROR, Severity.ERROR, Severity.WARN, NONE);
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        assertThat(lines.get(1).substring(layout.parse(lines.get(1)).bodyStart())).as(layout.describe())
                .startsWith("127.0.0.1 - - [03/Dec/2026:23:04:37 +0000]");
        assertThat(lines.get(3).substring(layout.parse(lines.get(3)).bodyStart()))
                .isEqualTo("User root: not allowed because listed in DenyUsers");
    }

    /**
     * A log of access lines alone under a logger's prefix (hypercorn's access log on its error log's format) has the
     * client, the date and the request in every line, where a header's fields would be: the request, its status and
     * size stay the message, and the status gives the level (hypercorn writes the protocol's version alone).
     */
    @org.junit.jupiter.api.Test
    void aLogOfAccessLinesKeepsItsRequestsAsMessages() {
        List<String> lines = List.of(
                "[2026-12-03 23:46:44 +0000] [984] [INFO] 127.0.0.1:38502 - - [03/Dec/2026:23:46:44 +0000] "
                        + "\"GET /orders/1 1.1\" 200 - \"-\" \"curl/7.88.1\"",
                "[2026-12-03 23:46:44 +0000] [984] [INFO] 127.0.0.1:38518 - - [03/Dec/2026:23:46:44 +0000] "
                        + "\"GET /orders/5 1.1\" 500 - \"-\" \"curl/7.88.1\"",
                "[2026-12-03 23:46:45 +0000] [984] [INFO] 127.0.0.1:38532 - - [03/Dec/2026:23:46:45 +0000] "
                        + "\"POST /orders HTTP/1.1\" 404 - \"-\" \"curl/7.88.1\"",
                "[2026-12-03 23:46:45 +0000] [984] [INFO] 127.0.0.1:38544 - - [03/Dec/2026:23:46:45 +0000] "
                        + "\"GET /orders/4 2\" 200 - \"-\" \"curl/7.88.1\"");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.ERROR, Severity.WARN, Severity.INFO);
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        assertThat(lines.get(1).substring(layout.parse(lines.get(1)).bodyStart())).as(layout.describe())
                .isEqualTo("\"GET /orders/5 1.1\" 500 - \"-\" \"curl/7.88.1\"");
    }

    /**
     * Puppet's console writes most records as a level, a colon and the source ({@code Debug: Facter: ...}), some
     * without a source ({@code Debug: Loaded state in 0.00 seconds}): those open with the level the log's layout
     * opens with, and it is their header too, not the first word of their message. Read on its own, outside such a
     * log, {@code error: disk full} stays a message that says its level.
     */
    @org.junit.jupiter.api.Test
    void aLineWithTheLayoutsLevelButNoComponentKeepsItsLevelAsHeader() {
        List<String> lines = new java.util.ArrayList<>();
        for (String fact : List.of("os.name", "os.family", "networking.ip", "memory.total", "processors.count")) {
            lines.add("Debug: Facter: resolving fact with user_query: " + fact);
            lines.add("Debug: Facter: fact \"" + fact + "\" has resolved to: 1");
        }
        lines.add("Error: Facter: Permission denied @ rb_sysopen - /proc/1/environ");
        lines.add("Debug: Loaded state in 0.00 seconds");
        HeaderLayout layout = HeaderLayout.infer(lines, 2026);
        LogHeader loaded = layout.parse(lines.get(11));
        assertThat(lines.get(11).substring(loaded.bodyStart())).as(layout.describe())
                .isEqualTo("Loaded state in 0.00 seconds");
        assertThat(loaded.severity()).isEqualTo(Severity.DEBUG);

        List<String> prose = List.of("the cache was warmed", "user 7 logged in", "error: disk full");
        assertThat(HeaderLayout.infer(prose, 2026).parse(prose.get(2)).bodyStart()).isZero();
    }

    /**
     * What was no HTTP request at all, nginx logs as a request of one word with its status: {@code "-"} for a
     * connection closed before it sent one, the garbage it read, a TLS handshake sent to a plain port. Their statuses
     * are warnings as any 4xx; a quoted word without a status and a size after it says nothing.
     */
    @org.junit.jupiter.api.Test
    void aRequestOfOneWordStillHasItsStatus() {
        List<String> lines = List.of(
                "127.0.0.1 - - [05/Dec/2026:09:57:19 +0000] \"GET /index.html HTTP/1.1\" 200 3 \"-\" \"curl/7.88.1\"",
                "127.0.0.1 - - [05/Dec/2026:09:57:19 +0000] \"GARBAGE\" 400 157 \"-\" \"-\"",
                "10.0.0.9 - - [05/Dec/2026:09:57:20 +0000] \"-\" 408 0 \"-\" \"-\"",
                "10.0.0.9 - - [05/Dec/2026:09:57:21 +0000] \"\\x16\\x03\\x01\\x00\\xF4\" 400 157 \"-\" \"-\"",
                "10.0.0.9 - - [05/Dec/2026:09:57:21 +0000] \"started\" 500 times");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.WARN, Severity.WARN, Severity.WARN,
                Severity.UNKNOWN);
    }

    /**
     * A JVM in Japanese, Chinese or Korean writes java.util.logging's levels in two characters ({@code 情報:}, {@code
     * 警告:}, {@code 严重:}) on the record's second line: a level that opens the message, as {@code error:} does. Two
     * letters of English before a colon are no level.
     */
    @org.junit.jupiter.api.Test
    void aLevelOfTwoCharactersOpeningTheMessageIsItsLevel() {
        assertSeverities(List.of("情報: order 0 placed", "警告: slow order 0", "严重: could not price order 0",
                "OK: all done")).containsExactly(Severity.INFO, Severity.WARN, Severity.ERROR, NONE);
    }

    /**
     * A JVM in another language writes SimpleFormatter's header with the month as its language abbreviates it ({@code
     * Dez. 06, 2026 12:36:10 AM}, {@code 12月 06, 2026 12:36:11 午前}): the JDK writes a record's header and level line,
     * joined as the reader joins them, for each month at hours round the clock, and each is read at its instant.
     */
    @org.junit.jupiter.api.Test
    void javaUtilLoggingsHeaderIsDatedInTheJvmsLanguage() {
        for (String tag : new String[] {"de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "pl", "cs", "fi", "ru",
            "uk", "tr", "hu", "ro", "ja", "zh", "ko"}) {
            java.util.Locale locale = java.util.Locale.forLanguageTag(tag);
            List<String> lines = new java.util.ArrayList<>();
            List<Long> instants = new java.util.ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                java.time.ZonedDateTime time = java.time.ZonedDateTime.of(2026, month, 5 + month, month * 2 - 1, 36, 11,
                        0, java.time.ZoneOffset.UTC);
                lines.add(String.format(locale, "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp com.acme.Shop main "
                        + "INFO: order 7 placed", time));
                instants.add(time.toInstant().toEpochMilli());
            }
            HeaderLayout layout = HeaderLayout.infer(lines, 2024);
            for (int i = 0; i < lines.size(); i++) {
                assertThat(layout.parse(lines.get(i)).epochMillis()).as(tag + ": " + lines.get(i))
                        .isEqualTo(instants.get(i));
            }
        }
    }

    /**
     * journalctl and syslog write the month as the machine's language abbreviates it ({@code %b}: glibc's {@code Mär},
     * {@code avril}, {@code ноя}; CLDR's, as a JVM would, {@code Dez.}) before the day and the time, with no year: the
     * line is read as an English one is, in the default year. A day of one digit may be padded with a space.
     */
    @org.junit.jupiter.api.Test
    void aSyslogMonthInTheMachinesLanguageIsADate() {
        List<String> lines = new java.util.ArrayList<>(List.of("Mär 06 03:42:00 vm sshd[123]: Accepted publickey",
                "avril  6 03:42:00 vm sshd[123]: Accepted publickey",
                "ноя 06 03:42:00 vm sshd[123]: Accepted publickey",
                "Dez 06 03:42:00.123456 vm sshd[123]: Accepted publickey"));
        List<String> expected = new java.util.ArrayList<>(List.of("2024-03-06T03:42:00Z", "2024-04-06T03:42:00Z",
                "2024-11-06T03:42:00Z", "2024-12-06T03:42:00.123Z"));
        for (String tag : new String[] {"de", "fr", "es", "it", "pt", "nl", "sv", "pl", "ru"}) {
            for (int month = 1; month <= 12; month++) {
                java.time.LocalDateTime time = java.time.LocalDateTime.of(2024, month, 9, 21, 5, 7);
                lines.add(time.format(java.time.format.DateTimeFormatter.ofPattern("MMM dd HH:mm:ss",
                        java.util.Locale.forLanguageTag(tag))) + " vm cron[77]: (root) CMD (run-parts)");
                expected.add(time + "Z");
            }
        }
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(Instant.ofEpochMilli(layout.parse(lines.get(i)).epochMillis())).as(lines.get(i))
                    .isEqualTo(expected.get(i));
        }
        String word = "mar 06 and more";
        assertThat(layout.parse(word).epochMillis()).isEqualTo(LogHeader.NO_TIME);
    }

    /**
     * BIRD writes its message's class in angle brackets after the time: most are level words, but a remote peer's
     * protocol error ({@code <RMT>}) and an authentication failure ({@code <AUTH>}) are warnings and a bug in BIRD
     * ({@code <BUG>}) an error. Only the whole bracket is a class: {@code <BUGS>} is none.
     */
    @org.junit.jupiter.api.Test
    void birdsClassesAreLevels() {
        List<String> lines = List.of(
                "2026-12-05 23:27:49.101 <INFO> Started",
                "2026-12-05 23:27:50.203 <RMT> peer: Received: Administrative shutdown",
                "2026-12-05 23:27:50.310 <TRACE> peer: State changed to stop",
                "2026-12-05 23:27:51.002 <AUTH> peer: Invalid MD5 digest",
                "2026-12-05 23:27:51.510 <BUG> Route export state changed from UP to UP",
                "2026-12-05 23:27:52.101 <BUGS> three bugs found",
                "2026-12-05 23:27:53.101 <ERR> peer: Error: Hold timer expired");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.WARN, Severity.TRACE, Severity.WARN,
                Severity.ERROR, NONE, Severity.ERROR);
    }

    /** A record of the audit daemon that says what it records failed, and only such a record, is a warning. */
    @org.junit.jupiter.api.Test
    void auditRecordsOfAFailureAreWarnings() {
        String stamp = "type=USER_AUTH msg=audit(1796536841.700:35): pid=28120 uid=1000 ";
        assertThat(List.of(stamp + "msg='op=PAM:authentication acct=\"alice\" res=failed'",
                stamp + "msg='op=PAM:authentication acct=\"alice\" res=no'", stamp + "op=add_rule key=\"x\" res=0",
                "type=SYSCALL msg=audit(1796536841.641:34): arch=c000003e syscall=257 success=no exit=-13"))
                .allMatch(body -> AuditRecords.isFailed(body, 0));
        assertThat(List.of(stamp + "msg='op=PAM:authentication acct=\"alice\" res=success'", stamp + "res=1",
                stamp + "op=add_rule res=0x2", "type=SYSCALL msg=audit(1796536841.641:34): syscall=257 success=yes",
                "type=SYSCALL success=no but no stamp", "audit: type=1400 audit(1796536841.641:34): res=failed"))
                .noneMatch(body -> AuditRecords.isFailed(body, 0));
    }

    /**
     * FRR writes no level in its file log; the messages it logs as errors and warnings carry an error code after the
     * message id ({@code [EC 4043309121]}): a warning at least. A code without its number, or a bracket of other
     * characters before it, is none.
     */
    @org.junit.jupiter.api.Test
    void anErrorCodeAfterTheMessageIdIsAWarning() {
        List<String> lines = List.of(
                "2026/12/05 23:28:42 ZEBRA: [V98V0-MTWPF] client 15 says hello and bids fair to announce only bgp",
                "2026/12/05 23:29:22 ZEBRA: [VXKFG-8SJRV][EC 4043309121] Client 'bgp' encountered an error",
                "2026/12/05 23:29:23 BGP: [EC 33554454] 192.0.2.78 [Error] bgp_read_packet error: Connection reset",
                "2026/12/05 23:29:24 BGP: [ZQTB5-H8522][EC ] code without its number",
                "2026/12/05 23:29:25 BGP: [zqtb5 h8522][EC 33554454] a bracket of words before the code");
        assertSeverities(lines).containsExactly(NONE, Severity.WARN, Severity.WARN, NONE, NONE);
    }

    /**
     * An FTP server's access log in the Common Log Format (ProFTPD's {@code ExtendedLog} with its {@code default}
     * format) quotes the command and its arguments where a web server quotes the request: the reply's code after it is
     * the status, a 5xx an error, a 4xx a warning. A quoted phrase in lower case, or without a size after its number,
     * is no command.
     */
    @org.junit.jupiter.api.Test
    void aCommandWithItsArgumentsHasItsStatus() {
        List<String> lines = List.of(
                "localhost UNKNOWN - [05/Dec/2026:23:30:02 +0000] \"USER anonymous\" 331 -",
                "localhost UNKNOWN ftp [05/Dec/2026:23:30:02 +0000] \"RETR readme.txt\" 226 6",
                "localhost UNKNOWN ftp [05/Dec/2026:23:30:02 +0000] \"RETR missing.txt\" 550 -",
                "localhost UNKNOWN ftp [05/Dec/2026:23:30:03 +0000] \"STOR up.txt\" 451 -",
                "localhost UNKNOWN ftp [05/Dec/2026:23:30:03 +0000] \"all good\" 200 -",
                "localhost UNKNOWN ftp [05/Dec/2026:23:30:03 +0000] \"RETR readme.txt\" 226 times");
        assertSeverities(lines).containsExactly(Severity.INFO, Severity.INFO, Severity.ERROR, Severity.WARN,
                Severity.UNKNOWN, Severity.UNKNOWN);
    }

    /**
     * Flask's development server writes werkzeug's access lines, Flask's records ({@code [time] LEVEL in module:
     * message}) and its start-up prints to one stream: no layout holds them all, and each line read on its own still
     * gives its record's module as the component and its message without it.
     */
    @org.junit.jupiter.api.Test
    void flasksRecordsAmongItsServersLines() {
        List<String> lines = new java.util.ArrayList<>(List.of(" * Serving Flask app 'shop'", " * Debug mode: off",
                "Press CTRL+C to quit", "[2026-12-03 23:46:35,464] ERROR in app: Exception on /orders/5 [GET]",
                "[2026-12-03 23:46:35,446] WARNING in orders: order 4 slow"));
        for (int i = 0; i < 20; i++) {
            lines.add("127.0.0.1 - - [03/Dec/2026 23:46:35] \"GET /orders/" + i + " HTTP/1.1\" 200 -");
        }
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        LogHeader error = layout.parse(lines.get(3));
        assertThat(error.component()).as(layout.describe()).isEqualTo("app");
        assertThat(lines.get(3).substring(error.bodyStart())).isEqualTo("Exception on /orders/5 [GET]");
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(layout.parse(lines.get(4)).component()).isEqualTo("orders");
    }

    /**
     * Columns after the message are learnt only when most lines have them: in a pipe-delimited log whose messages
     * only now and then end with a pipe and a dotted name, the message keeps them; where most lines do, a line
     * without them keeps its whole message, and one message logged by two threads reads the same.
     */
    @org.junit.jupiter.api.Test
    void columnsAfterTheMessageOnlyWhenMostLinesHaveThem() {
        List<String> now = List.of("2026-12-05 04:15:01,049 | INFO  | plain message one",
                "2026-12-05 04:15:02,049 | INFO  | checked | com.acme.Orders | main",
                "2026-12-05 04:15:03,049 | WARN  | plain message three",
                "2026-12-05 04:15:04,049 | INFO  | plain message four");
        HeaderLayout rare = HeaderLayout.infer(now, 2026);
        String checked = now.get(1);
        LogHeader header = rare.parse(checked);
        assertThat(checked.substring(header.bodyStart(), header.bodyEnd(checked))).as(rare.describe())
                .isEqualTo("checked | com.acme.Orders | main");
        List<String> most = List.of("2026-12-05 04:15:01,049 | INFO  | order 7 placed | com.acme.Orders | main",
                "2026-12-05 04:15:02,049 | INFO  | order 8 placed | com.acme.Orders | ActiveMQ Transport: tcp://h:1",
                "2026-12-05 04:15:03,049 | WARN  | cart 3 empty | com.acme.Cart | main",
                "2026-12-05 04:15:04,049 | INFO  | started",
                "2026-12-05 04:15:05,049 | INFO  | order 9 placed | com.acme.Orders | main");
        HeaderLayout usual = HeaderLayout.infer(most, 2026);
        assertThat(usual.describe()).isEqualTo("TIME | LEVEL | (message) | LOGGER | *");
        List<String> bodies = new java.util.ArrayList<>();
        for (String line : most) {
            LogHeader h = usual.parse(line);
            bodies.add(line.substring(h.bodyStart(), h.bodyEnd(line)) + " @" + h.component());
        }
        assertThat(bodies).containsExactly("order 7 placed @com.acme.Orders",
                "order 8 placed @com.acme.Orders", "cart 3 empty @com.acme.Cart", "started @",
                "order 9 placed @com.acme.Orders");
    }

    /**
     * werkzeug's access line (Flask's development server, Python's http.server) read on its own, before a layout is
     * learnt from enough lines: its header ends with its date, the request and status are the message.
     */
    @org.junit.jupiter.api.Test
    void anAccessLineReadOnItsOwnKeepsItsRequest() {
        String line = "127.0.0.1 - - [03/Dec/2026 23:46:35] \"GET /orders/5 HTTP/1.1\" 500 -";
        LogHeader header = HeaderLayout.perLine(2026).parse(line);
        assertThat(line.substring(header.bodyStart())).isEqualTo("\"GET /orders/5 HTTP/1.1\" 500 -");
        assertThat(header.severity()).isEqualTo(Severity.ERROR);
        assertThat(Instant.ofEpochMilli(header.epochMillis())).isEqualTo(Instant.parse("2026-12-03T23:46:35Z"));
    }

    /**
     * lighttpd's access log writes the virtual host after the client ({@code %h %V %u %t}): two words in every line
     * before the user's dash are two fields, so a line with a signed-in user where the others have the dash keeps its
     * header, its time and its request as the message.
     */
    @org.junit.jupiter.api.Test
    void aUserWhereTheOtherLinesHaveADashAfterTwoWords() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add("127.0.0.1 127.0.0.1:8081 - [04/Dec/2026:14:57:1" + i + " +0000] \"GET /p" + i
                    + " HTTP/1.1\" 200 6 \"-\" \"curl/7.88.1\"");
        }
        lines.add("127.0.0.1 127.0.0.1:8081 alice [04/Dec/2026:14:58:15 +0000] \"GET /private/y.html HTTP/1.1\" 200 2"
                + " \"-\" \"curl/7.88.1\"");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        LogHeader header = layout.parse(lines.get(8));
        assertThat(lines.get(8).substring(header.bodyStart())).as(layout.describe())
                .startsWith("\"GET /private/y.html HTTP/1.1\" 200");
        assertThat(Instant.ofEpochMilli(header.epochMillis())).isEqualTo(Instant.parse("2026-12-04T14:58:15Z"));
    }

    /**
     * BIND's named at a debugging level writes {@code debug 3:} after the category in most lines: the level labels the
     * message, whose first words it stays, as its {@code error:} does, rather than ending the header before the
     * number.
     */
    @org.junit.jupiter.api.Test
    void aDebuggingLevelAfterTheCategoryStaysInTheMessage() {
        List<String> lines = List.of("04-Dec-2026 04:47:25.966 general: debug 1: zone_startload: zone a.test/IN: enter",
                "04-Dec-2026 04:47:25.967 general: debug 3: loading zone a.test",
                "04-Dec-2026 04:47:25.968 general: debug 1: zone_startload: zone b.test/IN: enter",
                "04-Dec-2026 04:47:25.969 general: error: dns_rdata_fromtext: db.broken:4: bad quad",
                "04-Dec-2026 04:47:25.970 general: debug 1: zone b.test/IN: loaded");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        LogHeader header = layout.parse(lines.get(1));
        assertThat(lines.get(1).substring(header.bodyStart())).as(layout.describe())
                .isEqualTo("debug 3: loading zone a.test");
        assertThat(header.severity()).isEqualTo(Severity.DEBUG);
    }

    /**
     * A job that logs twice and dies: two records of java.util.logging (its two lines joined) and the JVM's report of
     * the uncaught exception. Two headed lines of three are enough to learn their header from; before, their level
     * and class stayed in the message ({@code R main INFO: starting}, no level).
     */
    @org.junit.jupiter.api.Test
    void twoRecordsBesideACrashAreEnoughToLearnTheirHeader() {
        List<String> lines = List.of("Dec 04, 2026 6:09:13 PM com.acme.Job main INFO: starting",
                "Dec 04, 2026 6:09:13 PM com.acme.Job main SEVERE: charge failed",
                "Exception in thread \"main\" java.lang.IllegalStateException: card declined");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        LogHeader first = layout.parse(lines.get(0));
        assertThat(lines.get(0).substring(first.bodyStart())).as(layout.describe()).isEqualTo("starting");
        assertThat(first.severity()).isEqualTo(Severity.INFO);
        assertThat(layout.parse(lines.get(1)).severity()).isEqualTo(Severity.ERROR);
        assertThat(layout.parse(lines.get(2)).bodyStart()).isZero();
    }

    /**
     * structlog's key-value and logfmt renderers write the event's own keys first, the level and the time last: they
     * are still the line's level and time. Pairs stop where words that are no pair start.
     */
    @org.junit.jupiter.api.Test
    void aLevelAndTimeAfterOtherLogfmtPairs() {
        List<String> lines = List.of(
                "order_id=7 elapsed_ms=812 event='slow checkout' level='warning' timestamp='2026-12-03T20:27:18.685Z'",
                "order_id=9 error=\"connection refused\" event=\"payment failed\" level=error "
                        + "timestamp=2026-12-03T20:27:18.905Z",
                "user_id=7 path=/orders/7 event=\"user logged in\" level=info",
                "retries=3 then the words level=error are message");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        assertThat(lines.stream().map(line -> layout.parse(line).severity()).toList()).as(layout.describe())
                .containsExactly(Severity.WARN, Severity.ERROR, Severity.INFO, NONE);
        assertThat(Instant.ofEpochMilli(layout.parse(lines.get(0)).epochMillis()))
                .isEqualTo("2026-12-03T20:27:18.685Z");
        assertThat(Instant.ofEpochMilli(layout.parse(lines.get(1)).epochMillis()))
                .isEqualTo("2026-12-03T20:27:18.905Z");
        assertThat(layout.parse(lines.get(2)).hasTime()).isFalse();
        assertThat(layout.parse(lines.get(0)).bodyStart()).isZero(); // the pairs stay the message
    }

    /**
     * Pairs before a level in capitals and a colon are context (Sidekiq's); a quote that does not close ends the pairs
     * without a level after them (a line cut short, {@code x="y}: it once ended the whole analysis with an index out
     * of range).
     */
    @org.junit.jupiter.api.Test
    void contextPairsBeforeALevelAndAQuoteThatDoesNotClose() {
        HeaderLayout layout = HeaderLayout.perLine(2026);
        String sidekiq = "2026-12-04T05:43:48.205Z pid=3001 tid=2v9 WARN: retrying job 1000 in 25 seconds";
        LogHeader header = layout.parse(sidekiq);
        assertThat(header.severity()).isEqualTo(Severity.WARN);
        assertThat(sidekiq.substring(header.bodyStart())).isEqualTo("retrying job 1000 in 25 seconds");
        for (String cut : List.of("x=\"y", "2026-12-04T05:43:48.205Z x=\"y INFO: z", "a=1 b=\"c WARN:")) {
            assertThat(layout.parse(cut).bodyStart()).as(cut).isBetween(0, cut.length());
        }
    }

    /**
     * Monolog writes the channel and the level as one word: the capitals after the channel's last dot are the level,
     * the channel the component; a logger's name with a dot is none ({@code shop.Orders:}).
     */
    @org.junit.jupiter.api.Test
    void monologsChannelAndLevelInOneWord() {
        List<String> symfony = List.of("[2026-12-03T21:11:59.059820+00:00] app.INFO: order placed [] []",
                "[2026-12-03T21:11:59.063005+00:00] request.CRITICAL: Uncaught PHP Exception [] []",
                "[2026-12-03T21:11:59.063024+00:00] doctrine.DEBUG: SELECT 1 [] []",
                "[2026-12-03T21:11:59.063080+00:00] security.NOTICE: login failed [] []");
        assertSeverities(symfony).containsExactly(Severity.INFO, Severity.ERROR, Severity.DEBUG, Severity.INFO);
        HeaderLayout layout = HeaderLayout.infer(symfony, 2024);
        assertThat(layout.parse(symfony.get(1)).component()).as(layout.describe()).isEqualTo("request");
        List<String> loggers = List.of("[2026-12-03T21:11:59.063090+00:00] shop.Orders: a logger's name, no level",
                "[2026-12-03T21:11:59.063095+00:00] app.OK: capitals that are no level",
                "[2026-12-03T21:11:59.063099+00:00] shop.Cart: another logger");
        assertSeverities(loggers).containsOnly(NONE);
    }

    /**
     * consola's fancy reporter, a Node program's prints: icons for information, a level badge one space in and two
     * after for a warning or an error. The badge is the level, and so is a level's symbol before a space (consola's
     * and log-symbols' {@code ℹ ✔ ⚠ ✖}, apex/log's {@code ⨯} a few spaces in, as goreleaser prints); a level word in
     * a print is not, nor consola's {@code ◐} for a start, nor apex/log's {@code •} for debug, info and warn alike.
     */
    @org.junit.jupiter.api.Test
    void aLevelBadgeAmongPrintsIsALevel() {
        List<String> consola = List.of("\u2139 starting cart service", " WARN  cache miss rate high",
                " ERROR  redis down", "\u2714 ready", "\u25d0 migrating", "server started on 3000",
                "connected to redis at 127.0.0.1:6379", "loaded 12 routes", "\u2714 migrations applied");
        HeaderLayout layout = HeaderLayout.infer(consola, 2024);
        assertThat(consola.stream().map(line -> layout.parse(line).severity()).toList()).as(layout.describe())
                .containsExactly(Severity.INFO, Severity.WARN, Severity.ERROR, Severity.INFO, NONE, NONE, NONE, NONE,
                        Severity.INFO);
        assertThat(layout.parse("\u2716 3 problems (3 errors)").severity()).isEqualTo(Severity.ERROR);
        assertThat(layout.parse("\u26a0\ufe0f disk nearly full").severity()).isEqualTo(Severity.WARN);
        assertThat(layout.parse("\u2699 cache warmed entries=1200").bodyStart()).isEqualTo(2);
        for (String print : List.of(" WARN not two spaces after", " Error  not in capitals", "  WARN  two spaces in",
                "\u2714done", "\u2714")) {
            assertThat(layout.parse(print).severity()).as(print).isEqualTo(NONE);
        }
        assertThat(consola.get(1).substring(layout.parse(consola.get(1)).bodyStart()))
                .isEqualTo("cache miss rate high");
        List<String> goreleaser = List.of("   \u2022 order placed              order=1000 user=alice",
                "   \u2022 cache miss                order=1001 user=alice",
                "   \u2a2f payment failed            error=connection refused order=1002",
                "   \u2022 slow query                order=1003 user=alice");
        HeaderLayout apex = HeaderLayout.infer(goreleaser, 2024);
        assertThat(goreleaser.stream().map(line -> apex.parse(line).severity()).toList()).as(apex.describe())
                .containsExactly(NONE, NONE, Severity.ERROR, NONE);
        assertThat(goreleaser.get(2).substring(apex.parse(goreleaser.get(2)).bodyStart()))
                .startsWith("payment failed");
        assertThat(layout.parse("      \u2716 six spaces in is a print").severity()).isEqualTo(NONE);
    }

    /**
     * Sinatra on WEBrick writes four loggers' lines into one output (WEBrick's, Rack's access log twice, Ruby's
     * Logger, Sinatra's prints): no layout holds for most, and a line with a date of its own further in keeps its
     * time, its level, and the request's status; the header ends after the date and the level that follows it.
     */
    @org.junit.jupiter.api.Test
    void aLineDatedFurtherInIsReadOnItsOwnInALogOfManyLoggers() {
        List<String> sinatra = List.of("[2026-12-03 18:27:10] INFO  WEBrick 1.8.1",
                "== Sinatra (v3.0.5) has taken the stage on 8150 for development with backup from WEBrick",
                "W, [2026-12-03T18:27:11.932884 #18930]  WARN -- : order 1 slow",
                "127.0.0.1 - - [03/Dec/2026:18:27:11 +0000] \"GET /orders/1 HTTP/1.1\" 200 2 0.0147",
                "- -> /orders/1", "2026-12-03 18:27:11 - KeyError - price missing for 3:",
                "127.0.0.1 - - [03/Dec/2026:18:27:12 +0000] \"GET /orders/4 HTTP/1.1\" 404 - 0.0018",
                "- -> /orders/4", "== Sinatra has ended his set (crowd applauds)", "- -> /orders/5",
                "compiled with version: 12.2.0 on 13 March 2023 00:00:00");
        HeaderLayout layout = HeaderLayout.infer(sinatra, 2024);
        List<String> bodies = sinatra.stream().map(line -> line.substring(layout.parse(line).bodyStart())).toList();
        assertThat(bodies).as(layout.describe()).containsExactly("WEBrick 1.8.1", sinatra.get(1), "order 1 slow",
                "\"GET /orders/1 HTTP/1.1\" 200 2 0.0147", "- -> /orders/1", "KeyError - price missing for 3:",
                "\"GET /orders/4 HTTP/1.1\" 404 - 0.0018", "- -> /orders/4", sinatra.get(8), "- -> /orders/5",
                sinatra.get(10));
        assertThat(sinatra.stream().map(line -> layout.parse(line).severity()).toList()).containsExactly(
                Severity.INFO, NONE, Severity.WARN, Severity.INFO, NONE, NONE, Severity.WARN, NONE, NONE, NONE, NONE);
        assertThat(Instant.ofEpochMilli(layout.parse(sinatra.get(6)).epochMillis())).isEqualTo("2026-12-03T18:27:12Z");
    }

    /** Twisted's web server quotes the client of its access line; its log names a warning's category's module. */
    @org.junit.jupiter.api.Test
    void twistedsAccessLinesAndWarnings() {
        List<String> twisted = List.of(
                "2026-12-03 17:48:47+0000 [-] Site starting on 8124",
                "2026-12-03 17:48:47+0000 [-] \"127.0.0.1\" - - [03/Dec/2026:17:48:47 +0000] "
                        + "\"GET /orders/1 HTTP/1.1\" 200 2 \"-\" \"-\"",
                "2026-12-03 17:48:47+0000 [-] \"127.0.0.1\" - - [03/Dec/2026:17:48:47 +0000] \"GET /boom HTTP/1.1\" "
                        + "500 95 \"-\" \"-\"",
                "2026-12-03 17:48:47+0000 [-] \"quoted\" words 500 times",
                "2026-12-03 17:48:47+0000 [-] /tmp/tw.py:20: builtins.DeprecationWarning: Using readBody with a "
                        + "transport that does not have an abortConnection method");
        assertSeverities(twisted).containsExactly(NONE, Severity.INFO, Severity.ERROR, NONE, Severity.WARN);
    }

    /**
     * A line the log's header would take whole, with neither a time nor a level in it    /**
     * A line the log's header would take whole, with neither a time nor a level in it (Celery's {@code [tasks]} among
     * records that open with a bracket holding both), is a message, not an empty one.
     */
    @org.junit.jupiter.api.Test
    void aHeaderThatWouldTakeTheWholeLineAndSaysNothingIsNone() {
        List<String> lines = new java.util.ArrayList<>(List.of("[tasks]", "[queues] "));
        for (int i = 0; i < 6; i++) {
            lines.add("[2026-12-03 15:35:3" + i + ",101: INFO/MainProcess] Task tasks.add[" + i + "] received");
        }
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        assertThat(layout.parse("[tasks]").bodyStart()).as(layout.describe()).isZero();
        assertThat(layout.parse("[queues] ").bodyStart()).isZero();
        assertThat(lines.get(2).substring(layout.parse(lines.get(2)).bodyStart())).isEqualTo("Task tasks.add[0] received");
    }

    /**
     * An Elixir exception printed on its own ({@code ** (RuntimeError) fatal at end}, a script's uncaught raise) has
     * no header: its words are the message, the level word in it none.
     */
    @org.junit.jupiter.api.Test
    void anOtpCrashLineHasNoHeader() {
        List<String> lines = List.of("15:05:18.000 [info] starting worker pool size=4",
                "15:05:18.002 [warning] cache miss for key user:42", "** (RuntimeError) fatal at end");
        for (HeaderLayout layout : List.of(HeaderLayout.infer(lines, 2024), HeaderLayout.perLine(2024))) {
            LogHeader header = layout.parse(lines.get(2));
            assertThat(header.bodyStart()).as(layout.describe()).isZero();
            assertThat(header.severity()).isEqualTo(Severity.UNKNOWN);
        }
        assertThat(HeaderLayout.infer(lines, 2024).parse(lines.get(0)).severity()).isEqualTo(Severity.INFO);
    }

    /**
     * A warning of Python's {@code warnings} module among a service's records (the file, the line, the category, the
     * message) is a warning, whatever its category; a path and a line before another word are not.
     */
    @org.junit.jupiter.api.Test
    void aPythonWarningIsAWarning() {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "/usr/lib/python3/dist-packages/celery/platforms.py:840: SecurityWarning: You're running the worker",
                "/app/db.py:12: DeprecationWarning: datetime.utcnow() is deprecated",
                "/app/db.py:12: Deprecation: not a category of warnings",
                "/app/db.py: UserWarning: no line number"));
        for (int i = 0; i < 6; i++) {
            lines.add("[2026-12-03 15:35:3" + i + ",101: INFO/MainProcess] Task tasks.add[" + i + "] received");
        }
        assertSeverities(lines).startsWith(Severity.WARN, Severity.WARN, NONE, NONE, Severity.INFO);
    }

    /**
     * PHP names its error type before the message, in its error log and on a server's output: {@code PHP Warning:},
     * {@code PHP Fatal error:} (two words), {@code PHP Deprecated:}; shown on the page or terminal without the
     * {@code PHP}. The name stays in the message.
     */
    @org.junit.jupiter.api.Test
    void phpsErrorTypeIsItsLevel() {
        List<String> log = List.of(
                "[03-Dec-2026 15:04:04 UTC] PHP Warning:  cache miss for key user:42 in /app/a.php on line 3",
                "[03-Dec-2026 15:04:04 UTC] PHP Fatal error:  Uncaught RuntimeException: order 5 in /app/a.php:4",
                "[03-Dec-2026 15:04:04 UTC] PHP Deprecated:  strlen(): Passing null is deprecated in /app/b.php",
                "[03-Dec-2026 15:04:04 UTC] PHP Parse error:  syntax error, unexpected end of file in /app/c.php",
                "[03-Dec-2026 15:04:04 UTC] PHP Recoverable fatal error:  Object could not be converted to string",
                "[03-Dec-2026 15:04:05 UTC] starting worker 7",
                "[03-Dec-2026 15:04:05 UTC] Fatal error: Uncaught Error: Call to undefined function f()",
                "[03-Dec-2026 15:04:05 UTC] Deprecated: not PHP's without its name",
                "[03-Dec-2026 15:04:05 UTC] PHP Fatally wrong: no such type");
        assertSeverities(log).containsExactly(Severity.WARN, Severity.FATAL, Severity.INFO, Severity.FATAL,
                Severity.ERROR, NONE, Severity.FATAL, NONE, NONE);
        HeaderLayout layout = HeaderLayout.infer(log, 2024);
        assertThat(log.get(1).substring(layout.parse(log.get(1)).bodyStart()))
                .startsWith("PHP Fatal error:  Uncaught RuntimeException");
    }

    /**
     * C libraries and runtimes label what they print on stderr with their name and a level ({@code LibClamAV Error:},
     * {@code libpng warning:}, the JVM's {@code OpenJDK 64-Bit Server VM warning:}); GLib glues the level to its
     * domain and puts two stars after it; a command-line tool writes its name and a colon first ({@code modprobe:
     * FATAL:}). A warning or worse so labelled is the line's level, in a log without a
     * header and after a header without a level, a fatal error ({@code 7efcb0cd4080 Fatal error:}, Privoxy's thread
     * before it) fatal; information, a sentence before a colon, a level word alone (the general rule's) and a name
     * without a colon say nothing new.
     */
    @org.junit.jupiter.api.Test
    void aLevelAfterTheNameOfWhatPrintsItIsTheLinesLevel() {
        List<String> stderr = List.of(
                "LibClamAV Error: Can't load /var/lib/clamav/bad.ndb: Malformed database",
                "LibClamAV Warning: cli_scanxz: decompress file size exceeds limits",
                "libpng warning: iCCP: known incorrect sRGB profile",
                "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes",
                "(gedit:4121): Gtk-CRITICAL **: 10:00:00.123: gtk_widget_show: assertion 'GTK_IS_WIDGET' failed",
                "** (process:17): WARNING **: 10:00:00.124: no such interface",
                "LibClamAV info: loaded 1 signature",
                "the cache is warm, no error: all good",
                "Xlib:  extension \"RANDR\" missing on display \":99\".",
                "LibClamAV Error loading the database",
                "modprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.1.0-28-amd64",
                "dpkg: warning: files list file for package 'shop' missing",
                "dpkg: error processing package shop (--configure):",
                "sudo: unable to resolve host shop: Name or service not known",
                "7efcb0cd4080 Fatal error: can't load actions file '/etc/privoxy/nosuch.action'",
                "7efcb0cd4080 critical error: disk full");
        assertSeverities(stderr).containsExactly(Severity.ERROR, Severity.WARN, Severity.WARN, Severity.WARN,
                Severity.ERROR, Severity.WARN, NONE, NONE, NONE, NONE, Severity.FATAL, Severity.WARN, NONE, NONE,
                Severity.FATAL, Severity.ERROR);
        assertSeverities(List.of("Sat Dec  5 23:31:37 2026 -> LibClamAV Warning: database is older than 7 days",
                "Sat Dec  5 23:31:38 2026 -> Loaded 1 signatures.")).containsExactly(Severity.WARN, NONE);
    }

    /**
     * Bacula's daemons write a job's messages after their name, the job's and a colon, the level labelling the message
     * after that ({@code vm-dir JobId 5: Fatal error: ...}): a warning or worse so labelled is the line's level, a
     * fatal error fatal; a label of more words, information, a sentence and words that are no level say nothing.
     */
    @org.junit.jupiter.api.Test
    void aLevelAfterADaemonsAndItsJobsNamesIsTheLinesLevel() {
        List<String> log = List.of(
                "vm-dir JobId 5: Fatal error: bsockcore.c:208 Unable to connect to Client: ghost-fd on 127.0.0.1:1.",
                "vm-dir JobId 5: Error: Bacula vm-dir 9.6.7 (10Dec20):",
                "vm-sd JobId 7: Warning: Volume \"Vol1\" is full",
                "vm-dir JobId 5: Start Backup JobId 5, Job=GhostJob.2026-12-06_11.12.05_09",
                "vm-dir JobId 5: info: pruning done",
                "vm-fd JobId 4:      Could not stat \"/proc/kcore\": ERR=No such file or directory",
                "the job of five: error: four words before the colon",
                "Processed 5 orders: Error rate: 2%");
        assertSeverities(log).containsExactly(Severity.FATAL, Severity.ERROR, Severity.WARN, NONE, NONE, NONE, NONE,
                NONE);
    }

    /**
     * Ruby's Logger ends its header with two dashes and its program name before a colon ({@code INFO -- shop: ...},
     * {@code INFO -- : ...} without one). Beside Rack's access lines and Puma's banner, a layout learnt without them
     * left {@code -- :} in every message; the dashes are the header's, and the name its component.
     */
    @org.junit.jupiter.api.Test
    void rubyLoggersDashesAndProgramNameEndItsHeaderAmongOtherLines() {
        List<String> log = List.of(
                "Puma starting in single mode...",
                "* Listening on http://127.0.0.1:8078",
                "I, [2026-12-05T12:21:27.506235 #31092]  INFO -- : handling /a",
                "127.0.0.1 - - [05/Dec/2026:12:21:27 +0000] \"GET /a HTTP/1.1\" 200 - 0.0011",
                "W, [2026-12-05T12:21:27.600053 #31092]  WARN -- shop: slow order /slow",
                "127.0.0.1 - - [05/Dec/2026:12:21:27 +0000] \"GET /slow HTTP/1.1\" 200 - 0.0003",
                "2026-12-05 12:21:27 +0000 Rack app (\"GET /boom\" - (127.0.0.1)): #<ArgumentError: boom>");
        HeaderLayout layout = HeaderLayout.infer(log, 2024);
        LogHeader bare = layout.parse(log.get(2));
        LogHeader named = layout.parse(log.get(4));
        assertThat(log.get(2).substring(bare.bodyStart())).as(layout.describe()).isEqualTo("handling /a");
        assertThat(log.get(4).substring(named.bodyStart())).isEqualTo("slow order /slow");
        assertThat(named.component()).isEqualTo("shop");
        assertThat(named.severity()).isEqualTo(Severity.WARN);
    }

    /**
     * Node prints a process warning on stderr with the process, a code in brackets for some, and the warning's name:
     * {@code (node:1970) [DEP0005] DeprecationWarning: ...}, {@code (node:1970) CacheWarning: ...}. It is a warning;
     * a line that only looks like one is not.
     */
    @org.junit.jupiter.api.Test
    void nodesProcessWarningsAreWarnings() {
        List<String> lines = List.of(
                "server listening on 3000",
                "(node:1970) [DEP0005] DeprecationWarning: Buffer() is deprecated.",
                "(node:1970) CacheWarning: cache size exceeded 100MB",
                "(node:1970) MaxListenersExceededWarning: Possible EventEmitter memory leak detected.",
                "(node:1970) cache size exceeded 100MB",
                "(node:x) CacheWarning: no process",
                "order 7 failed: card declined");
        assertSeverities(lines).containsExactly(NONE, Severity.WARN, Severity.WARN, Severity.WARN, NONE, NONE, NONE);
    }

    /**
     * Pairs after a time are a record's metadata only when a level bracket ends them (Elixir's {@code $time
     * $metadata[$level]}); without one they are the message, a logfmt line's or one that names a bracket of its own.
     */
    @org.junit.jupiter.api.Test
    void pairsAfterATimeStayInTheMessageWithoutALevelBracketAfterThem() {
        List<String> log = List.of(
                "12:00:00.000 user=u1 [web] accepted",
                "12:00:01.000 user=u2 action=logout [web] done",
                "12:00:02.000 user=u3 action=login id=7 [web] accepted");
        HeaderLayout layout = HeaderLayout.infer(log, 2024);
        assertThat(log.stream().map(line -> line.substring(layout.parse(line).bodyStart())).toList())
                .as(layout.describe()).allMatch(body -> body.startsWith("user="));
    }

    /**
     * A PHP error log of PHP's own errors alone (the usual one: no line of the application's {@code error_log()}) has
     * {@code PHP} after every time and a level word after it in most lines: read as a component and a level, a fatal
     * error kept {@code error:} in its message and a deprecation became a component of no level. PHP's error type
     * opens the message, whatever the mix of types.
     */
    @org.junit.jupiter.api.Test
    void phpsErrorTypeOpensTheMessageInALogOfPhpsErrorsAlone() {
        List<String> log = List.of(
                "[05-Dec-2026 11:41:21 UTC] PHP Warning:  Undefined variable $a in /app/a.php on line 8",
                "[05-Dec-2026 11:41:21 UTC] PHP Warning:  Undefined array key 5 in /app/a.php on line 10",
                "[05-Dec-2026 11:41:21 UTC] PHP Notice:  Cache miss for key user:1 in /app/a.php on line 11",
                "[05-Dec-2026 11:41:22 UTC] PHP Fatal error:  Uncaught Error: boom in /app/a.php:3",
                "[05-Dec-2026 11:41:22 UTC] PHP Warning:  Undefined variable $b in /app/a.php on line 9",
                "[05-Dec-2026 11:41:23 UTC] PHP Parse error:  syntax error, unexpected token \"{\" in /app/p.php",
                "[05-Dec-2026 11:41:23 UTC] PHP Deprecated:  Function f() is deprecated in /app/a.php on line 4");
        for (List<String> sample : List.of(log.subList(0, 5), log)) {
            HeaderLayout layout = HeaderLayout.infer(sample, 2024);
            assertThat(sample.stream().map(line -> line.substring(layout.parse(line).bodyStart())).toList())
                    .as(layout.describe()).allMatch(body -> body.startsWith("PHP "));
            assertThat(sample.stream().map(line -> layout.parse(line).severity()).toList()).as(layout.describe())
                    .containsExactlyElementsOf(List.of(Severity.WARN, Severity.WARN, Severity.INFO, Severity.FATAL,
                            Severity.WARN, Severity.FATAL, Severity.INFO).subList(0, sample.size()));
        }
    }

    /**
     * An access line written as the message of a record whose header has no time (Python's default format: aiohttp's
     * and werkzeug's access loggers) gives the record its time, from the bracket right before the quoted request; a
     * bracket before a quote that is no request, and a record that is no access line, give none.
     */
    @org.junit.jupiter.api.Test
    void anAccessLineUnderAnUntimedHeaderGivesItsTime() {
        List<String> lines = List.of(
                "INFO:aiohttp.access:127.0.0.1 [04/Dec/2026:20:44:58 +0000] \"GET / HTTP/1.1\" 200 153 \"-\" \"curl\"",
                "ERROR:aiohttp.server:Error handling request",
                "INFO:aiohttp.access:127.0.0.1 [04/Dec/2026:20:44:59 +0000] \"GET /boom HTTP/1.1\" 500 245 \"-\" \"-\"",
                "INFO:werkzeug:127.0.0.1 - - [03/Dec/2026 13:23:28] \"GET /orders/1 HTTP/1.1\" 200 -",
                "INFO:shop.orders:10 items [04/Dec/2026:20:45:00 +0000] \"fast\" 200 ms");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        assertThat(lines.stream().map(line -> layout.parse(line).epochMillis()).toList()).as(layout.describe())
                .containsExactly(Instant.parse("2026-12-04T20:44:58Z").toEpochMilli(), LogHeader.NO_TIME,
                        Instant.parse("2026-12-04T20:44:59Z").toEpochMilli(),
                        Instant.parse("2026-12-03T13:23:28Z").toEpochMilli(), LogHeader.NO_TIME);
        assertThat(layout.parse(lines.get(2)).severity()).isEqualTo(Severity.ERROR);
    }

    /** The severities of {@code lines} read with the layout learnt from them. */
    /**
     * A java.util.logging record's source is the class and method that logged, or the class alone (Vert.x logs its own
     * records so): each record is read by SimpleFormatter's header whatever its source's length, its class the
     * component, and the lines of another writer among them (a stack printed at the margin) are no such record; a
     * second logger's lines, fewer than the records, have their own layout learnt from them.
     */
    @org.junit.jupiter.api.Test
    void aJulRecordIsReadWhetherItsSourceHasAMethodOrNot() {
        List<String> lines = List.of("Dec 05, 2026 7:45:02 PM shop.Main main INFO: listening on 8997",
                "Dec 05, 2026 7:45:04 PM io.vertx.core.impl.ContextImpl SEVERE: Unhandled exception",
                "Dec 05, 2026 7:45:05 PM io.vertx.core.impl.ContextImpl SEVERE: Unhandled exception",
                "Dec 05, 2026 7:45:07 PM shop.Main lambda$main$0 WARNING: could not parse order id",
                "java.lang.RuntimeException: printed, not logged",
                "Dec 05, 2026 by hand: INFO: not a record",
                "2026-12-05 19:45:08,123 ERROR worker failed to charge order 7",
                "2026-12-05 19:45:09,123 INFO worker charged order 8");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        List<LogHeader> headers = lines.stream().map(layout::parse).toList();
        assertThat(headers).extracting(LogHeader::severity).containsExactly(Severity.INFO, Severity.ERROR,
                Severity.ERROR, Severity.WARN, NONE, NONE, Severity.ERROR, Severity.INFO);
        assertThat(headers).extracting(LogHeader::component).startsWith("shop.Main",
                "io.vertx.core.impl.ContextImpl", "io.vertx.core.impl.ContextImpl", "shop.Main");
        assertThat(lines.get(3).substring(headers.get(3).bodyStart())).isEqualTo("could not parse order id");
        assertThat(Instant.ofEpochMilli(headers.get(1).epochMillis())).isEqualTo("2026-12-05T19:45:04Z");
    }

    /**
     * What a program writes at the head of every java.util.logging message is learnt from the records' messages as a
     * header is: Hazelcast's member address, cluster and version; the message is what follows, the record's time,
     * level and class stay its own. A record whose message is that head alone keeps it as its message.
     */
    @org.junit.jupiter.api.Test
    void theHeadOfEveryJulMessageIsLearntAsAHeader() {
        List<String> lines = List.of(
                "Dec 05, 2026 7:09:46 PM com.hazelcast.system INFO: [192.0.2.2]:5701 [dev] [5.6.0] Cluster name: dev",
                "Dec 05, 2026 7:09:47 PM com.hazelcast.instance.impl.Node INFO: [192.0.2.2]:5701 [dev] [5.6.0] Using"
                        + " Multicast discovery",
                "Dec 05, 2026 7:10:26 PM com.hazelcast.internal.server.tcp.TcpServerConnectionErrorHandler WARNING:"
                        + " [192.0.2.2]:5701 [dev] [5.6.0] Removing connection to endpoint [192.0.2.2]:5702",
                "Dec 05, 2026 7:09:46 PM com.hazelcast.system.logo INFO: [192.0.2.2]:5701 [dev] [5.6.0] ");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        List<String> messages = lines.stream().map(line -> line.substring(layout.parse(line).bodyStart())).toList();
        assertThat(messages).containsExactly("Cluster name: dev", "Using Multicast discovery",
                "Removing connection to endpoint [192.0.2.2]:5702", "[192.0.2.2]:5701 [dev] [5.6.0] ");
        assertThat(layout.parse(lines.get(2))).extracting(LogHeader::severity, LogHeader::component)
                .containsExactly(Severity.WARN, "com.hazelcast.internal.server.tcp.TcpServerConnectionErrorHandler");
    }

    private static org.assertj.core.api.ListAssert<Severity> assertSeverities(List<String> lines) {
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);
        return assertThat(lines.stream().map(line -> layout.parse(line).severity()).toList()).as(layout.describe());
    }

    /**
     * AWS Lambda's runtimes write a header of tab-separated columns (Node's time, request id and level; Python's level
     * first), and the platform writes up to three lines of its own around each invocation: those are left out of the
     * learning, so the function's header is learnt even where they are most of the lines, and read as all message.
     */
    @org.junit.jupiter.api.Test
    void lambdaInvocationReportsDoNotHideTheFunctionsHeader() {
        for (String runtime : List.of("2024-03-01T12:00:0%d.123Z\t8f5b7d2a-1c3e-4f5a-9b8c-7d6e5f4a3b2%d\t%s\t%s",
                "[%3$s]\t2024-03-01T12:00:0%1$d.123Z\t8f5b7d2a-1c3e-4f5a-9b8c-7d6e5f4a3b2%2$d\t%4$s")) {
            List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String request = "8f5b7d2a-1c3e-4f5a-9b8c-7d6e5f4a3b2" + i;
                lines.add("START RequestId: " + request + " Version: $LATEST");
                lines.add(String.format(java.util.Locale.ROOT, runtime, i, i, i % 3 == 0 ? "ERROR" : "INFO",
                        "order " + i + " placed"));
                lines.add("END RequestId: " + request);
                lines.add("REPORT RequestId: " + request + "\tDuration: 12.34 ms\tBilled Duration: 13 ms");
            }
            HeaderLayout layout = HeaderLayout.infer(lines, 2024);
            LogHeader header = layout.parse(lines.get(1));
            assertThat(lines.get(1).substring(header.bodyStart())).as(layout.describe()).isEqualTo("order 0 placed");
            assertThat(header.severity()).isEqualTo(Severity.ERROR);
            assertThat(Instant.ofEpochMilli(header.epochMillis())).isEqualTo("2024-03-01T12:00:00.123Z");
            for (String report : List.of(lines.get(0), lines.get(2), lines.get(3))) {
                assertThat(layout.parse(report).bodyStart()).as(report).isZero();
            }
        }
    }

    /** Redis marks its level before the message: {@code .} debug, {@code -} verbose, {@code *} notice, {@code #} warn */
    @org.junit.jupiter.api.Test
    void redisMarksItsLevelBeforeTheMessage() {
        List<String> lines = List.of("1:M 01 Mar 2024 12:00:00.123 * Ready to accept connections tcp",
                "1:M 01 Mar 2024 12:00:01.456 # WARNING Memory overcommit must be enabled!",
                "7:S 01 Mar 2024 12:00:02.789 - Accepted 10.0.0.7:51234",
                "7:S 01 Mar 2024 12:00:03.000 . Client closed connection",
                "1:X 01 Mar 2024 12:00:04.000 # Redis is now ready to exit, bye bye...");
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);

        assertThat(lines.stream().map(layout::parse).map(LogHeader::severity).toList()).as(layout.describe())
                .containsExactly(Severity.INFO, Severity.WARN, Severity.DEBUG, Severity.DEBUG, Severity.WARN);
        assertThat(lines.get(1).substring(layout.parse(lines.get(1)).bodyStart()))
                .isEqualTo("WARNING Memory overcommit must be enabled!");
        assertThat(HeaderLayout.infer(List.of("12:00:00 * not Redis", "12:00:01 * not Redis either",
                "12:00:02 * nor this"), 2024).parse("12:00:00 * not Redis").severity()).isEqualTo(Severity.UNKNOWN);
    }

    /**
     * Message bodies whose first words keep their place and look like header fields (an access log's method, path and
     * arrow; a call name and "failed:"), as OTLP log bodies are: no time, level or bracket proves them a header, so
     * every word stays message and GET and POST lines are not one template.
     */
    @org.junit.jupiter.api.Test
    void wordsThatKeepTheirPlaceAreNoHeaderWithoutATimeOrLevel() {
        List<String> access = List.of("GET /search -> 200 in 61.7 ms", "GET /products -> 200 in 47.2 ms",
                "POST /api/payments -> 200 in 84.2 ms", "GET /cart -> 500 in 12.0 ms", "GET /search -> 200 in 9 ms",
                "POST /checkout -> 200 in 120.3 ms");
        List<String> failures = List.of(
                "ListRecommendations failed: upstream connect error, retried 0 times",
                "ListRecommendations failed: upstream connect error, retried 2 times",
                "GetCart failed: upstream connect error, retried 1 times",
                "ListRecommendations failed: deadline exceeded after 250 ms");
        for (List<String> lines : List.of(access, failures)) {
            HeaderLayout layout = HeaderLayout.infer(lines, 2024);
            assertThat(layout.fieldCount()).as(layout.describe()).isZero();
            assertThat(layout.parse(lines.get(0)).bodyStart()).isZero();
        }
    }

    /**
     * Two loggers in one output (an application's and the access log of its web framework, as a container writes
     * them): no layout holds for most lines, but most have a header of their own, and each is read on its own. Before,
     * no layout meant no header: every line lost its time and level.
     */
    @org.junit.jupiter.api.Test
    void linesOfTwoLoggersAreEachReadOnTheirOwn() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(String.format(java.util.Locale.ROOT,
                    "[Nest] 17958  - 12/03/2024, 1:16:%02d PM     LOG [OrdersService] order %d placed", i, i));
            lines.add(String.format(java.util.Locale.ROOT,
                    "127.0.0.1 - - [03/Dec/2024:13:16:%02d +0000] \"GET /orders/%d HTTP/1.1\" %d 9 \"-\" \"curl/8\"",
                    i, i, i == 3 ? 500 : 200));
        }
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);

        LogHeader nest = layout.parse(lines.get(0));
        assertThat(lines.get(0).substring(nest.bodyStart())).as(layout.describe()).isEqualTo("order 0 placed");
        assertThat(nest.severity()).isEqualTo(Severity.INFO);
        assertThat(Instant.ofEpochMilli(nest.epochMillis())).isEqualTo("2024-12-03T13:16:00Z");
        LogHeader access = layout.parse(lines.get(7));
        assertThat(access.severity()).isEqualTo(Severity.ERROR);
        assertThat(Instant.ofEpochMilli(access.epochMillis())).isEqualTo("2024-12-03T13:16:03Z");
        assertThat(lines.get(7).substring(access.bodyStart())).startsWith("\"GET /orders/3 HTTP/1.1\" 500");

        List<String> prose = List.of("the cache was warmed", "user 7 logged in", "order 9 placed by user 7",
                "2024-03-01 12:00:00 INFO one line with a header");
        assertThat(HeaderLayout.infer(prose, 2024).parse(prose.get(1)).bodyStart()).as("most lines have none")
                .isZero();
    }

    /**
     * etcd 3.4's log: its own capnslog records, gRPC's logger in Go ({@code INFO: 2026/12/05 09:16:01 [core] ...}, a
     * level and a colon before the date) and raft's ({@code raft2026/12/05 09:16:00 INFO: ...}, a prefix glued to
     * the date), no shape most lines have: each read on its own keeps its time and level.
     */
    @org.junit.jupiter.api.Test
    void goLoggersWithTheirLevelOrPrefixBeforeTheDate() {
        List<String> lines = List.of(
                "2026-12-05 09:16:00.790548 I | etcdmain: etcd Version: 3.4.23",
                "raft2026/12/05 09:16:00 INFO: 8e9e05c52164694d became follower at term 0",
                "raft2026/12/05 09:16:01 INFO: 8e9e05c52164694d became leader at term 2",
                "INFO: 2026/12/05 09:16:01 [core] parsed scheme: \"\"",
                "WARNING: 2026/12/05 09:16:02 [core] grpc: addrConn.createTransport failed to connect",
                "2026-12-05 09:16:02.888210 W | etcdserver: failed to apply request",
                "error: something went wrong");
        HeaderLayout layout = HeaderLayout.infer(lines, 2026);

        LogHeader raft = layout.parse(lines.get(2));
        assertThat(Instant.ofEpochMilli(raft.epochMillis())).as(layout.describe()).isEqualTo("2026-12-05T09:16:01Z");
        assertThat(raft.severity()).isEqualTo(Severity.INFO);
        assertThat(lines.get(2).substring(raft.bodyStart())).isEqualTo("8e9e05c52164694d became leader at term 2");
        LogHeader grpc = layout.parse(lines.get(4));
        assertThat(Instant.ofEpochMilli(grpc.epochMillis())).isEqualTo("2026-12-05T09:16:02Z");
        assertThat(grpc.severity()).isEqualTo(Severity.WARN);
        assertThat(grpc.component()).isEqualTo("grpc");
        assertThat(lines.get(4).substring(grpc.bodyStart())).startsWith("addrConn.createTransport");
        LogHeader said = layout.parse(lines.get(6));
        assertThat(lines.get(6).substring(said.bodyStart())).as("a level and a colon before words: a message")
                .isEqualTo("error: something went wrong");
    }

    /**
     * Flask's development server: werkzeug's access lines ({@code 127.0.0.1 - - [03/Dec/2026 13:23:41] "GET ..."},
     * a date without the Common Log Format's colon) among Flask's records ({@code [2026-12-03 13:23:41,279] ERROR in
     * app: ...}). The access log's dashes stand where Flask's lines have their level: they are no levels, and the
     * access lines keep their time and their status's severity.
     */
    @org.junit.jupiter.api.Test
    void anAccessLogsDashesAreNoLevelsOfAnotherLoggersLines() {
        List<String> lines = new java.util.ArrayList<>(List.of(" * Serving Flask app 'app'", " * Debug mode: off",
                "WARNING: This is a development server. Do not use it in a production deployment.",
                " * Running on http://127.0.0.1:5000", "Press CTRL+C to quit"));
        for (int i = 1; i <= 30; i++) {
            if (i % 5 == 0) {
                lines.add(String.format(java.util.Locale.ROOT,
                        "[2026-12-03 13:23:%02d,279] ERROR in app: Exception on /orders/%d [GET]", i, i));
            }
            lines.add(String.format(java.util.Locale.ROOT,
                    "127.0.0.1 - - [03/Dec/2026 13:23:%02d] \"GET /orders/%d HTTP/1.1\" %d -", i, i,
                    i % 5 == 0 ? 500 : 200));
        }
        HeaderLayout layout = HeaderLayout.infer(lines, 2026);

        LogHeader access = layout.parse(lines.get(10));
        assertThat(lines.get(10).substring(access.bodyStart())).as(layout.describe())
                .isEqualTo("\"GET /orders/5 HTTP/1.1\" 500 -");
        assertThat(access.severity()).isEqualTo(Severity.ERROR);
        assertThat(Instant.ofEpochMilli(access.epochMillis())).isEqualTo("2026-12-03T13:23:05Z");
        assertThat(layout.parse(lines.get(9)).severity()).isEqualTo(Severity.ERROR);
    }

    /**
     * A log whose events share a header, among lines without one (a message's lines that no rule folded, a program's
     * prints): the header is still learnt from the lines that have it, when they are most, and the others are read
     * on their own. With one line in four without it, every event lost its time and level.
     */
    @org.junit.jupiter.api.Test
    void aHeaderIsLearntFromTheLinesThatHaveItWhenTheyAreMost() {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean failed = i % 4 == 0;
            lines.add(String.format(java.util.Locale.ROOT, "2024-03-01 12:00:%02d,123 %s [orders] order %d %s", i,
                    failed ? "ERROR" : "INFO", i, failed ? "failed" : "placed"));
            if (failed) {
                lines.add("[SQL: SELECT * FROM orders WHERE id = ?]");
                lines.add("[parameters: (" + i + ",)]");
                lines.add("(Background on this error at: https://sqlalche.me/e/14/e3q8)");
            }
        }
        HeaderLayout layout = HeaderLayout.infer(lines, 2024);

        LogHeader header = layout.parse(lines.get(0));
        assertThat(header.severity()).as(layout.describe()).isEqualTo(Severity.ERROR);
        assertThat(Instant.ofEpochMilli(header.epochMillis())).isEqualTo("2024-03-01T12:00:00.123Z");
        assertThat(lines.get(0).substring(header.bodyStart())).isEqualTo("order 0 failed");
        assertThat(layout.parse(lines.get(4)).severity()).isEqualTo(Severity.INFO);
        assertThat(layout.parse(lines.get(1)).bodyStart()).as("a line without the header is all message").isZero();
        String gunicorn = "[2024-03-01 12:00:05 +0000] [24332] [WARNING] Worker with pid 24334 was terminated";
        LogHeader own = layout.parse(gunicorn);
        assertThat(own.severity()).as("another header with a time and a level, read on its own")
                .isEqualTo(Severity.WARN);
        assertThat(gunicorn.substring(own.bodyStart())).isEqualTo("Worker with pid 24334 was terminated");

        List<String> few = new java.util.ArrayList<>(lines.subList(0, 8));
        for (int i = 0; i < 10; i++) {
            few.add("print " + i + " of the program");
        }
        assertThat(HeaderLayout.infer(few, 2024).fieldCount()).as("fewer than half the lines have it").isZero();
    }

    @org.junit.jupiter.api.Test
    void aNumberOpeningAPrintIsNoTimeAndADatedPrintKeepsAMessage() {
        List<String> dump = new java.util.ArrayList<>(); // Chromium's histograms at exit, among its own records
        for (long bucket : new long[] {1526276751L, 0, 5, 32, 1046949849L}) {
            dump.add("Histogram: Net.DNS.DnsHosts.FileSize recorded 2 samples, mean = 1.5 (flags = 0x1)");
            dump.add(bucket + "  -O                                                (1 = 9.1%)");
            dump.add(bucket + 1 + "  ... ");
        }
        dump.add("[03/Dec/2026 17:49:01] (1 = 9.1%)");
        HeaderLayout prints = HeaderLayout.infer(dump, 2024);
        assertThat(prints.fieldCount()).as(prints.describe()).isZero();

        LogHeader bucket = prints.parse(dump.get(1));
        assertThat(bucket.hasTime()).as("a histogram's bucket, not an epoch").isFalse();
        assertThat(bucket.bodyStart()).isZero();
        String dated = dump.get(dump.size() - 1);
        LogHeader own = prints.parse(dated);
        assertThat(Instant.ofEpochMilli(own.epochMillis())).isEqualTo("2026-12-03T17:49:01Z");
        assertThat(dated.substring(own.bodyStart())).as("the header ends with its date").isEqualTo("(1 = 9.1%)");
    }
}
