package org.chempark.bridge.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One Modbus TCP device (slave) the bridge polls; factory PID {@value #PID}. */
@ObjectClassDefinition(id = ModbusDeviceConfig.PID, name = "ChemPark Modbus TCP device (Modbus 设备)",
        description = "A Modbus TCP slave polled by the ChemPark Modbus bridge; its readings go to the telemetry pipeline.")
public @interface ModbusDeviceConfig {
    String PID = "org.chempark.bridge.modbus";

    @AttributeDefinition(name = "Name 名称", description = "Unique device name; the source id is modbus:<name> (letters, digits, - _ .)")
    String name();

    @AttributeDefinition(name = "Host 主机", description = "Host name or IP address of the Modbus TCP slave")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port 端口", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Unit id 从站地址", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "Poll interval (ms) 轮询周期", min = "100")
    int pollIntervalMs() default 1000;

    @AttributeDefinition(name = "Timeout (ms) 超时", min = "50")
    int timeoutMs() default 1000;

    @AttributeDefinition(name = "Enabled 启用")
    boolean enabled() default true;

    @AttributeDefinition(name = "Max registers per read 单次读取寄存器数", min = "2", max = "125")
    int maxRegistersPerRead() default 125;

    @AttributeDefinition(name = "Max gap 最大间隔", min = "0", max = "123",
            description = "Unused registers allowed between two points read in one request (0 = only adjacent registers)")
    int maxGap() default 8;

    @AttributeDefinition(name = "Enterprise id 企业", required = false,
            description = "Asset-model id of the enterprise the device belongs to (0 = park level); limits who sees it")
    long enterpriseId() default 0;

    @AttributeDefinition(name = "Register map 寄存器表", description = "One point per value or line: " + RegisterMap.FORMAT)
    String[] registerMap();
}
