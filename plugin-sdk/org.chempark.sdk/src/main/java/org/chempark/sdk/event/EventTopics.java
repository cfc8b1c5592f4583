package org.chempark.sdk.event;

/**
 * OSGi Event Admin topics ChemPark modules post and listen to. Properties of every event:
 * {@link #MODULE}, {@link #ENTITY}, {@link #ID}, and {@link #ENTERPRISE_ID} where the record
 * belongs to an enterprise.
 */
public final class EventTopics {
    /** Prefix of every ChemPark topic. */
    public static final String PREFIX = "org/chempark/";
    /** A record was created: {@code org/chempark/<module>/<entity>/CREATED}. */
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";

    /** A module came or went: posted by the module registry. */
    public static final String MODULE_CHANGED = PREFIX + "core/module/CHANGED";
    /** An alarm was raised, acknowledged or cleared on a monitoring point. */
    public static final String ALARM = PREFIX + "telemetry/alarm/";

    public static final String MODULE = "module";
    public static final String ENTITY = "entity";
    public static final String ID = "id";
    public static final String ENTERPRISE_ID = "enterpriseId";

    private EventTopics() {
    }

    /** Topic of a change to one kind of record, e.g. {@code org/chempark/asset/enterprise/UPDATED}. */
    public static String change(String module, String entity, String action) {
        return PREFIX + module + "/" + entity + "/" + action;
    }
}
