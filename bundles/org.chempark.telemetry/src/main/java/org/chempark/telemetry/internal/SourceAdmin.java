package org.chempark.telemetry.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.telemetry.SourceStatus;
import org.chempark.sdk.telemetry.TelemetrySource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Telemetry sources (connections and devices of the protocol bridges): every registered
 * {@link TelemetrySource} with its status, and the bridges' factory configurations, created,
 * updated and deleted through ConfigurationAdmin after validation against the factory PID's
 * Metatype.
 */
@Component(service = SourceAdmin.class)
public class SourceAdmin {
    /** The factory PIDs of the protocol bridges. */
    public static final List<String> FACTORY_PIDS = List.of("org.chempark.bridge.opcua", "org.chempark.bridge.modbus",
            "org.chempark.bridge.mqtt.device");
    private static final Set<String> RESERVED = Set.of("service.pid", "service.factoryPid", "service.bundleLocation", "felix.fileinstall.filename");

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final MetaTypeService metaType;
    private final Map<TelemetrySource, Map<String, Object>> sources = new ConcurrentHashMap<>();

    @Activate
    public SourceAdmin(BundleContext context, @Reference ConfigurationAdmin configAdmin, @Reference MetaTypeService metaType) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.metaType = metaType;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(TelemetrySource s, Map<String, Object> props) {
        sources.put(s, props);
    }

    void removeSource(TelemetrySource s) {
        sources.remove(s);
    }

    /** One source as listed by the API and the shell. */
    public record SourceView(String id, String protocol, String name, String endpoint, String state, String reason, java.time.Instant since,
            java.time.Instant lastReading, long readings, String configPid) {
    }

    public List<SourceView> sources() {
        List<SourceView> out = new ArrayList<>();
        for (Map.Entry<TelemetrySource, Map<String, Object>> e : sources.entrySet()) {
            TelemetrySource s = e.getKey();
            SourceStatus st;
            try {
                st = s.status();
            } catch (RuntimeException ex) {
                st = new SourceStatus(SourceStatus.State.OFFLINE, "status unavailable: " + ex.getMessage(), java.time.Instant.now(), null, 0);
            }
            Object pid = e.getValue().get("service.pid");
            out.add(new SourceView(s.id(), s.protocol(), s.name(), s.endpoint(), st.state().name(), st.reason(), st.since(), st.lastReading(),
                    st.readings(), pid == null ? null : String.valueOf(pid)));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    // ---------------------------------------------------------------- metatype

    /** The Metatype of a factory PID, from whichever installed bundle declares it. */
    ObjectClassDefinition definition(String factoryPid) {
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            for (String f : info.getFactoryPids()) {
                if (f.equals(factoryPid)) {
                    return info.getObjectClassDefinition(factoryPid, null);
                }
            }
        }
        return null;
    }

    /** The attribute definitions of every known bridge factory PID (installed bridges only). */
    public List<Map<String, Object>> types() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String f : FACTORY_PIDS) {
            ObjectClassDefinition ocd = definition(f);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("factoryPid", f);
            m.put("installed", ocd != null);
            if (ocd != null) {
                m.put("name", ocd.getName());
                m.put("description", ocd.getDescription());
                List<Map<String, Object>> attrs = new ArrayList<>();
                Set<String> required = ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
                for (AttributeDefinition ad : all(ocd)) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("id", ad.getID());
                    a.put("name", ad.getName());
                    a.put("description", ad.getDescription());
                    a.put("type", typeName(ad.getType()));
                    a.put("cardinality", ad.getCardinality());
                    a.put("required", required.contains(ad.getID()));
                    a.put("default", ad.getType() == AttributeDefinition.PASSWORD ? null : ad.getDefaultValue());
                    a.put("options", ad.getOptionValues());
                    attrs.add(a);
                }
                m.put("attributes", attrs);
            }
            out.add(m);
        }
        return out;
    }

    private static AttributeDefinition[] all(ObjectClassDefinition ocd) {
        AttributeDefinition[] a = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return a == null ? new AttributeDefinition[0] : a;
    }

    private static Set<String> ids(AttributeDefinition[] ads) {
        Set<String> s = new java.util.HashSet<>();
        if (ads != null) {
            for (AttributeDefinition ad : ads) {
                s.add(ad.getID());
            }
        }
        return s;
    }

    static String typeName(int type) {
        return switch (type) {
        case AttributeDefinition.STRING -> "String";
        case AttributeDefinition.LONG -> "Long";
        case AttributeDefinition.INTEGER -> "Integer";
        case AttributeDefinition.SHORT -> "Short";
        case AttributeDefinition.CHARACTER -> "Character";
        case AttributeDefinition.BYTE -> "Byte";
        case AttributeDefinition.DOUBLE -> "Double";
        case AttributeDefinition.FLOAT -> "Float";
        case AttributeDefinition.BOOLEAN -> "Boolean";
        case AttributeDefinition.PASSWORD -> "Password";
        default -> "Other";
        };
    }

    // ---------------------------------------------------------------- configurations

    /** Every configuration of the bridge factory PIDs, passwords masked. */
    public List<Map<String, Object>> configurations() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String f : FACTORY_PIDS) {
            for (Configuration c : list(f)) {
                out.add(view(c));
            }
        }
        return out;
    }

    public Map<String, Object> configuration(String pid) {
        return view(find(pid));
    }

    private Configuration[] list(String factoryPid) {
        try {
            Configuration[] cs = configAdmin.listConfigurations("(service.factoryPid=" + factoryPid + ")");
            return cs == null ? new Configuration[0] : cs;
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("configurations unavailable: " + e.getMessage(), e);
        }
    }

    private Configuration find(String pid) {
        for (String f : FACTORY_PIDS) {
            for (Configuration c : list(f)) {
                if (c.getPid().equals(pid)) {
                    return c;
                }
            }
        }
        throw ProblemException.notFound("connection configuration", pid);
    }

    private Map<String, Object> view(Configuration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", c.getPid());
        m.put("factoryPid", c.getFactoryPid());
        ObjectClassDefinition ocd = definition(c.getFactoryPid());
        Set<String> secret = new java.util.HashSet<>();
        if (ocd != null) {
            for (AttributeDefinition ad : all(ocd)) {
                if (ad.getType() == AttributeDefinition.PASSWORD) {
                    secret.add(ad.getID());
                }
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        Dictionary<String, Object> d = c.getProperties();
        if (d != null) {
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                if (RESERVED.contains(k)) {
                    continue;
                }
                props.put(k, secret.contains(k) || k.toLowerCase().contains("password") ? "******" : d.get(k));
            }
        }
        m.put("properties", new java.util.TreeMap<>(props));
        return m;
    }

    /** Creates a factory configuration after validating it; returns its view. */
    public Map<String, Object> create(String factoryPid, Map<String, Object> properties) {
        if (factoryPid == null || !FACTORY_PIDS.contains(factoryPid)) {
            throw ProblemException.invalid(List.of(new FieldError("factoryPid", "enum", "factoryPid must be one of " + FACTORY_PIDS)));
        }
        Hashtable<String, Object> props = validate(factoryPid, properties, null);
        try {
            Configuration c = configAdmin.createFactoryConfiguration(factoryPid, "?");
            c.update(props);
            return view(c);
        } catch (IOException e) {
            throw new IllegalStateException("configuration could not be saved: " + e.getMessage(), e);
        }
    }

    /** Replaces the properties of an existing configuration (attributes not given keep their value). */
    public Map<String, Object> update(String pid, Map<String, Object> properties) {
        Configuration c = find(pid);
        Hashtable<String, Object> props = validate(c.getFactoryPid(), properties, c.getProperties());
        try {
            c.update(props);
            return view(c);
        } catch (IOException e) {
            throw new IllegalStateException("configuration could not be saved: " + e.getMessage(), e);
        }
    }

    public void delete(String pid) {
        try {
            find(pid).delete();
        } catch (IOException e) {
            throw new IllegalStateException("configuration could not be deleted: " + e.getMessage(), e);
        }
    }

    /**
     * Converts and checks every property against the Metatype: unknown attributes, missing
     * required ones, wrong types and values the definition rejects are 422s naming the attribute.
     */
    Hashtable<String, Object> validate(String factoryPid, Map<String, Object> given, Dictionary<String, Object> existing) {
        ObjectClassDefinition ocd = definition(factoryPid);
        if (ocd == null) {
            throw ProblemException.invalid(List.of(new FieldError("factoryPid", "installed",
                    "no installed bridge provides '" + factoryPid + "'; install its feature first")));
        }
        Map<String, Object> in = given == null ? Map.of() : given;
        Map<String, AttributeDefinition> defs = new LinkedHashMap<>();
        for (AttributeDefinition ad : all(ocd)) {
            defs.put(ad.getID(), ad);
        }
        Set<String> required = ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        List<FieldError> errors = new ArrayList<>();
        Hashtable<String, Object> out = new Hashtable<>();
        if (existing != null) {
            for (Enumeration<String> keys = existing.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                if (!RESERVED.contains(k)) {
                    out.put(k, existing.get(k));
                }
            }
        }
        for (Map.Entry<String, Object> e : in.entrySet()) {
            AttributeDefinition ad = defs.get(e.getKey());
            if (ad == null) {
                errors.add(new FieldError(e.getKey(), "unknown", "'" + e.getKey() + "' is not an attribute of " + factoryPid + "; attributes are "
                        + defs.keySet()));
                continue;
            }
            if (e.getValue() == null) {
                out.remove(e.getKey());
                continue;
            }
            try {
                Object v = convert(ad, e.getValue());
                for (String s : strings(e.getValue())) {
                    String problem = ad.validate(s);
                    if (problem != null && !problem.isEmpty()) {
                        throw new IllegalArgumentException(problem);
                    }
                }
                out.put(e.getKey(), v);
            } catch (IllegalArgumentException bad) {
                errors.add(new FieldError(e.getKey(), "invalid", "'" + e.getKey() + "' (" + typeName(ad.getType()) + "): " + bad.getMessage()));
            }
        }
        for (String r : required) {
            AttributeDefinition ad = defs.get(r);
            boolean hasDefault = ad.getDefaultValue() != null && ad.getDefaultValue().length > 0;
            if (!out.containsKey(r) && !hasDefault) {
                errors.add(new FieldError(r, "required", "'" + r + "' is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return out;
    }

    private static List<String> strings(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    static Object convert(AttributeDefinition ad, Object v) {
        int card = ad.getCardinality();
        if (card != 0) {
            List<String> parts = strings(v);
            if (Math.abs(card) < parts.size() && Math.abs(card) != Integer.MAX_VALUE) {
                throw new IllegalArgumentException("at most " + Math.abs(card) + " values");
            }
            List<Object> conv = new ArrayList<>();
            for (String s : parts) {
                conv.add(scalar(ad.getType(), s));
            }
            if (card > 0) {
                Object arr = java.lang.reflect.Array.newInstance(conv.isEmpty() ? String.class : conv.get(0).getClass(), conv.size());
                for (int i = 0; i < conv.size(); i++) {
                    java.lang.reflect.Array.set(arr, i, conv.get(i));
                }
                return arr;
            }
            return new java.util.Vector<>(conv);
        }
        if (v instanceof List<?>) {
            throw new IllegalArgumentException("a single value is expected, not a list");
        }
        return scalar(ad.getType(), String.valueOf(v));
    }

    private static Object scalar(int type, String s) {
        try {
            return switch (type) {
            case AttributeDefinition.LONG -> Long.valueOf(s.trim());
            case AttributeDefinition.INTEGER -> Integer.valueOf(s.trim());
            case AttributeDefinition.SHORT -> Short.valueOf(s.trim());
            case AttributeDefinition.BYTE -> Byte.valueOf(s.trim());
            case AttributeDefinition.DOUBLE -> Double.valueOf(s.trim());
            case AttributeDefinition.FLOAT -> Float.valueOf(s.trim());
            case AttributeDefinition.CHARACTER -> {
                if (s.length() != 1) {
                    throw new IllegalArgumentException("one character expected");
                }
                yield s.charAt(0);
            }
            case AttributeDefinition.BOOLEAN -> {
                if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("true or false expected, got '" + s + "'");
                }
                yield Boolean.valueOf(s);
            }
            default -> s;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number of type " + typeName(type));
        }
    }

}
