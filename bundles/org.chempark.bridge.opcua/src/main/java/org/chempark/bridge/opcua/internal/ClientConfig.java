package org.chempark.bridge.opcua.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One OPC UA connection to an enterprise DCS: factory PID {@value OpcUaConnectionComponent#FACTORY_PID}. */
@ObjectClassDefinition(name = "ChemPark OPC UA 连接 connection",
        description = "OPC UA 客户端连接到企业 DCS；one connection to an enterprise DCS (OPC UA server)")
public @interface ClientConfig {
    @AttributeDefinition(name = "名称 Name", description = "Unique name; the source id is opcua:<name> (letters, digits, - and _)")
    String name();

    @AttributeDefinition(name = "端点 Endpoint URL", description = "e.g. opc.tcp://10.1.2.3:4840")
    String endpointUrl();

    @AttributeDefinition(name = "安全策略 Security policy", options = {
            @Option(label = "None", value = "None"), @Option(label = "Basic256Sha256", value = "Basic256Sha256") })
    String securityPolicy() default "None";

    @AttributeDefinition(name = "消息模式 Message security mode", description = "Ignored with policy None", options = {
            @Option(label = "SignAndEncrypt 签名加密", value = "SignAndEncrypt"), @Option(label = "Sign 签名", value = "Sign") })
    String messageMode() default "SignAndEncrypt";

    @AttributeDefinition(name = "认证 Authentication", options = {
            @Option(label = "匿名 Anonymous", value = "anonymous"), @Option(label = "用户名 Username", value = "username"),
            @Option(label = "证书 Certificate", value = "certificate") })
    String auth() default "anonymous";

    @AttributeDefinition(name = "用户名 Username", required = false)
    String username() default "";

    @AttributeDefinition(name = "密码 Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "发布间隔 Publishing interval (ms)", min = "50")
    int publishingInterval() default 1000;

    @AttributeDefinition(name = "采样间隔 Sampling interval (ms)", min = "0")
    int samplingInterval() default 1000;

    @AttributeDefinition(name = "点位映射 Node → point mapping", required = false,
            description = "Entries nodeId=pointCode, e.g. ns=2;s=Tank1.Level=T101-LT-01 (split at the last '=')")
    String[] mapping() default {};

    @AttributeDefinition(name = "自动映射目录 Auto-mapping folder", required = false,
            description = "NodeId of a folder: every variable below it (up to 6 levels) is mapped to the point whose code equals its browse name")
    String autoMapFolder() default "";

    @AttributeDefinition(name = "首次信任服务器证书 Trust the first server certificate",
            description = "Trust-on-first-use: add the first certificate the DCS presents to the trust list. Off: an admin copies it from pki/rejected to pki/trusted/certs")
    boolean trustFirstCertificate() default false;

    @AttributeDefinition(name = "所属企业 Enterprise id", description = "The enterprise whose DCS this is (0: park level); enterprise users see only their own connections")
    long enterpriseId() default 0;

    @AttributeDefinition(name = "启用 Enabled")
    boolean enabled() default true;
}
