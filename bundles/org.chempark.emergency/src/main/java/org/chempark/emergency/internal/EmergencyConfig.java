package org.chempark.emergency.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Config PID {@code org.chempark.emergency}. */
@ObjectClassDefinition(id = "org.chempark.emergency", name = "ChemPark emergency decision support")
public @interface EmergencyConfig {
    @AttributeDefinition(description = "Wind direction (from, degrees clockwise from north) used when neither the request nor a weather point gives one")
    double default_windFromDegrees() default 135;

    @AttributeDefinition(description = "Wind speed [m/s] used when neither the request nor a weather point gives one (EPA RMP worst case 1.5)")
    double default_windSpeed() default 1.5;

    @AttributeDefinition(description = "Air temperature [°C] used when neither the request nor a weather point gives one")
    double default_temperatureC() default 25;

    @AttributeDefinition(description = "Park emergency office named first in every notification list")
    String office_name() default "园区应急管理办公室（安全风险智能化管控中心）";

    @AttributeDefinition(description = "Duty contact of the park emergency office")
    String office_contact() default "应急值班室 Duty officer";

    @AttributeDefinition(description = "24 h duty phone of the park emergency office")
    String office_phone() default "0513-83350119";

    @AttributeDefinition(description = "Load the demo emergency resources on first start when the demo park (code BJ) is present")
    boolean demo_load() default true;
}
