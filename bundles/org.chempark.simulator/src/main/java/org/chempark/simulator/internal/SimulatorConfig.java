package org.chempark.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@value #PID}. */
@ObjectClassDefinition(id = SimulatorConfig.PID, name = "ChemPark virtual park simulator (虚拟园区模拟器)")
public @interface SimulatorConfig {
    String PID = "org.chempark.simulator";

    @AttributeDefinition(name = "Bind address", description = "Address the simulated devices listen on")
    String bindAddress() default "127.0.0.1";

    @AttributeDefinition(name = "First Modbus port", description = "Enterprise n (1-based) serves its gas-detector controller on "
            + "base + 2(n-1) and its DCS on base + 2(n-1) + 1", min = "1024", max = "65000")
    int modbusBasePort() default 15020;

    @AttributeDefinition(name = "Tick (ms)", description = "How often values change", min = "100")
    int tickMs() default 1000;

    @AttributeDefinition(name = "Random seed")
    long seed() default 20221;

    @AttributeDefinition(name = "Create bridge configurations", description = "On start, create the Modbus bridge's device "
            + "configurations pointing at the simulator when they do not exist")
    boolean createBridgeConfigs() default true;

    @AttributeDefinition(name = "Bridge poll interval (ms)", min = "100")
    int bridgePollIntervalMs() default 1000;
}
