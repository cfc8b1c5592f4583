package org.chempark.bridge.opcua.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The OPC UA server bridge: PID {@value OpcUaServerBridge#PID}. */
@ObjectClassDefinition(name = "ChemPark OPC UA 服务端 server bridge",
        description = "向企业 DCS 和第三方发布园区监测点位；exposes the park's monitoring points over OPC UA")
public @interface ServerConfig {
    @AttributeDefinition(name = "端口 Port", min = "1", max = "65535")
    int port() default 4840;

    @AttributeDefinition(name = "绑定地址 Bind address")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "主机名 Hostname", required = false,
            description = "Host name advertised in endpoint URLs and the certificate (default: this machine's name)")
    String hostname() default "";

    @AttributeDefinition(name = "安全策略 Security policies", options = {
            @Option(label = "None", value = "None"), @Option(label = "Basic256Sha256 (SignAndEncrypt)", value = "Basic256Sha256") })
    String[] securityPolicies() default { "None", "Basic256Sha256" };

    @AttributeDefinition(name = "用户名 Username", required = false, description = "The one account third parties log in with (empty: none)")
    String username() default "";

    @AttributeDefinition(name = "密码散列 Password hash", required = false,
            description = "pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>; make one with the PasswordHash tool (see docs/opcua.md)")
    String passwordHash() default "";

    @AttributeDefinition(name = "允许匿名只读 Anonymous read-only access")
    boolean anonymous() default false;

    @AttributeDefinition(name = "刷新间隔 Update interval (ms)", min = "200",
            description = "How often the latest values are taken from the telemetry module")
    int updateIntervalMs() default 1000;

    @AttributeDefinition(name = "历史读取上限 History read limit", min = "1",
            description = "Most values returned per point and HistoryRead request")
    int historyLimit() default 10000;

    @AttributeDefinition(name = "启用 Enabled")
    boolean enabled() default true;
}
