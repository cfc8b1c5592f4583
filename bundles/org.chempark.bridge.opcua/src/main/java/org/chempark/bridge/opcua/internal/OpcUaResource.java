package org.chempark.bridge.opcua.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.RequiresPermission;
import org.chempark.sdk.telemetry.SourceStatus;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code /api/v1/opcua/connections}: the OPC UA connections (factory configurations
 * {@value OpcUaConnectionComponent#FACTORY_PID}) with their status, created, changed and deleted
 * through Configuration Admin (the same records the Karaf web console edits), and a browser of a
 * connected DCS address space for the mapping UI. Enterprise users see their enterprise's only.
 */
@Component(service = OpcUaResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + OpcUaModule.ID })
@Path("opcua/connections")
@Produces(MediaType.APPLICATION_JSON)
public class OpcUaResource {
    private final ConfigurationAdmin configAdmin;
    private final List<OpcUaConnectionComponent> connections = new CopyOnWriteArrayList<>();

    @Activate
    public OpcUaResource(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnection(OpcUaConnectionComponent c) {
        connections.add(c);
    }

    void removeConnection(OpcUaConnectionComponent c) {
        connections.remove(c);
    }

    /** A connection as the API shows it; the password is never returned. */
    public record ConnectionView(String id, String name, String endpointUrl, String securityPolicy, String messageMode,
            String auth, String username, boolean passwordSet, int publishingInterval, int samplingInterval,
            List<String> mapping, String autoMapFolder, boolean trustFirstCertificate, Long enterpriseId, boolean enabled,
            SourceStatus status, int mappedPoints, int monitoredItems) {
    }

    /** What a client sends to create or change a connection (omit password to keep the stored one). */
    public record ConnectionInput(String name, String endpointUrl, String securityPolicy, String messageMode, String auth,
            String username, String password, Integer publishingInterval, Integer samplingInterval, List<String> mapping,
            String autoMapFolder, Boolean trustFirstCertificate, Long enterpriseId, Boolean enabled) {
    }

    @GET
    @RequiresPermission("opcua:admin")
    public List<ConnectionView> list() throws IOException, InvalidSyntaxException {
        DataScope scope = DataScope.current();
        List<ConnectionView> out = new ArrayList<>();
        for (Configuration c : configurations()) {
            ConnectionView v = view(c);
            if (scope.allows(v.enterpriseId())) {
                out.add(v);
            }
        }
        out.sort(java.util.Comparator.comparing(ConnectionView::name));
        return out;
    }

    @GET
    @Path("{name}")
    @RequiresPermission("opcua:admin")
    public ConnectionView get(@PathParam("name") String name) throws IOException, InvalidSyntaxException {
        return view(visible(name));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("opcua:admin")
    public Response create(ConnectionInput in) throws IOException, InvalidSyntaxException {
        if (in == null) {
            throw ProblemException.badRequest("Send a JSON object with at least name and endpointUrl");
        }
        Hashtable<String, Object> props = merge(new Hashtable<>(), in);
        String name = (String) props.get("name");
        if (find(name) != null) {
            throw ProblemException.conflict("An OPC UA connection named " + name + " exists; choose another name",
                    new FieldError("name", "unique", "already used"));
        }
        Configuration c = configAdmin.createFactoryConfiguration(OpcUaConnectionComponent.FACTORY_PID, "?");
        c.update(props);
        return Response.status(201).entity(view(c)).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("opcua:admin")
    public ConnectionView update(@PathParam("name") String name, ConnectionInput in) throws IOException, InvalidSyntaxException {
        Configuration c = visible(name);
        if (in == null) {
            throw ProblemException.badRequest("Send a JSON object with the fields to change");
        }
        if (in.name() != null && !in.name().equals(name)) {
            throw ProblemException.invalid(List.of(new FieldError("name", "immutable",
                    "the name is the source id of stored readings; create a new connection instead")));
        }
        Hashtable<String, Object> props = merge(copy(c.getProperties()), in);
        c.update(props);
        return view(c);
    }

    @DELETE
    @Path("{name}")
    @RequiresPermission("opcua:admin")
    public Response delete(@PathParam("name") String name) throws IOException, InvalidSyntaxException {
        visible(name).delete();
        return Response.noContent().build();
    }

    /** One level of the DCS address space below {@code node} (default: the Objects folder). */
    @GET
    @Path("{name}/browse")
    @RequiresPermission("opcua:admin")
    public List<OpcUaConnection.BrowseEntry> browse(@PathParam("name") String name, @QueryParam("node") String node)
            throws IOException, InvalidSyntaxException {
        visible(name);
        NodeId start = node == null || node.isBlank() ? Identifiers.ObjectsFolder : NodeId.parseOrNull(node.trim());
        if (start == null) {
            throw ProblemException.invalid(List.of(new FieldError("node", "pattern",
                    "not a NodeId; use e.g. i=85, ns=2;s=Tank1 or ns=2;i=1001")));
        }
        OpcUaConnectionComponent conn = connections.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> ProblemException.conflict("Connection " + name + " is not running yet; try again in a moment"));
        try {
            return conn.browse(start);
        } catch (IllegalStateException offline) {
            throw ProblemException.conflict("Cannot browse: " + offline.getMessage());
        } catch (Exception e) {
            throw new ProblemException(422, "Browse failed", "The DCS answered: " + OpcUaConnection.reason(e)
                    + "; check the node id", List.of(new FieldError("node", "browse", OpcUaConnection.reason(e))));
        }
    }

    private Configuration[] configurations() throws IOException, InvalidSyntaxException {
        Configuration[] cs = configAdmin.listConfigurations("(service.factoryPid=" + OpcUaConnectionComponent.FACTORY_PID + ")");
        return cs == null ? new Configuration[0] : cs;
    }

    private Configuration find(String name) throws IOException, InvalidSyntaxException {
        for (Configuration c : configurations()) {
            if (name.equals(String.valueOf(c.getProperties().get("name")))) {
                return c;
            }
        }
        return null;
    }

    private Configuration visible(String name) throws IOException, InvalidSyntaxException {
        Configuration c = find(name);
        if (c == null) {
            throw ProblemException.notFound("OPC UA connection", name);
        }
        DataScope.current().check(enterpriseOf(c.getProperties()));
        return c;
    }

    private static Long enterpriseOf(Dictionary<String, Object> p) {
        Object e = p.get("enterpriseId");
        long id = e == null ? 0 : Long.parseLong(e.toString());
        return id > 0 ? id : null;
    }

    private static Hashtable<String, Object> copy(Dictionary<String, Object> d) {
        Hashtable<String, Object> h = new Hashtable<>();
        for (var keys = d.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            h.put(k, d.get(k));
        }
        return h;
    }

    /** Applies the given fields to the properties and validates the result as the component will. */
    private static Hashtable<String, Object> merge(Hashtable<String, Object> p, ConnectionInput in) {
        put(p, "name", in.name());
        put(p, "endpointUrl", in.endpointUrl());
        put(p, "securityPolicy", in.securityPolicy());
        put(p, "messageMode", in.messageMode());
        put(p, "auth", in.auth());
        put(p, "username", in.username());
        put(p, "password", in.password());
        put(p, "publishingInterval", in.publishingInterval());
        put(p, "samplingInterval", in.samplingInterval());
        if (in.mapping() != null) {
            p.put("mapping", in.mapping().toArray(String[]::new));
        }
        put(p, "autoMapFolder", in.autoMapFolder());
        put(p, "trustFirstCertificate", in.trustFirstCertificate());
        put(p, "enterpriseId", in.enterpriseId());
        put(p, "enabled", in.enabled());
        List<FieldError> errors = new ArrayList<>();
        if (!(p.get("name") instanceof String n) || n.isBlank()) {
            errors.add(new FieldError("name", "required", "a unique name, letters, digits, '-' and '_'"));
        }
        if (!(p.get("endpointUrl") instanceof String u) || u.isBlank()) {
            errors.add(new FieldError("endpointUrl", "required", "e.g. opc.tcp://10.1.2.3:4840"));
        }
        Long enterprise = enterpriseOf(p);
        if (!DataScope.current().allows(enterprise)) {
            errors.add(new FieldError("enterpriseId", "scope", enterprise == null
                    ? "enterprise users must set their enterprise id" : "not an enterprise you may manage"));
        }
        if (errors.isEmpty()) {
            try {
                ClientSettings.from(config(p));
            } catch (IllegalArgumentException e) {
                for (String part : e.getMessage().split("; ")) {
                    int colon = part.indexOf(':');
                    errors.add(new FieldError(colon > 0 ? part.substring(0, colon) : "connection", "invalid",
                            colon > 0 ? part.substring(colon + 1).trim() : part));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return p;
    }

    private static void put(Hashtable<String, Object> p, String key, Object value) {
        if (value instanceof String s) {
            p.put(key, s.trim());
        } else if (value != null) {
            p.put(key, value);
        }
    }

    private ConnectionView view(Configuration c) {
        Dictionary<String, Object> p = c.getProperties();
        ClientConfig cfg = config(p);
        OpcUaConnectionComponent running = connections.stream().filter(x -> x.pid().equals(c.getPid())).findFirst().orElse(null);
        SourceStatus status = running == null ? null : running.status();
        return new ConnectionView("opcua:" + cfg.name(), cfg.name(), cfg.endpointUrl(), cfg.securityPolicy(), cfg.messageMode(),
                cfg.auth(), cfg.username(), !cfg.password().isEmpty(), cfg.publishingInterval(), cfg.samplingInterval(),
                List.of(cfg.mapping()), cfg.autoMapFolder(), cfg.trustFirstCertificate(), enterpriseOf(p), cfg.enabled(), status,
                running == null ? 0 : running.mappedPoints(), running == null ? 0 : running.monitoredItems());
    }

    /** Configuration properties seen through {@link ClientConfig}, with its defaults, as DS would. */
    static ClientConfig config(Dictionary<String, Object> p) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (var keys = p.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            m.put(k, p.get(k));
        }
        return new ClientConfig() {
            private String s(String k, String d) {
                Object v = m.get(k);
                return v == null ? d : v.toString();
            }

            private long n(String k, long d) {
                Object v = m.get(k);
                try {
                    return v == null ? d : v instanceof Number x ? x.longValue() : Long.parseLong(v.toString().trim());
                } catch (NumberFormatException e) {
                    return Long.MIN_VALUE;
                }
            }

            @Override public Class<? extends Annotation> annotationType() { return ClientConfig.class; }
            @Override public String name() { return s("name", ""); }
            @Override public String endpointUrl() { return s("endpointUrl", ""); }
            @Override public String securityPolicy() { return s("securityPolicy", "None"); }
            @Override public String messageMode() { return s("messageMode", "SignAndEncrypt"); }
            @Override public String auth() { return s("auth", "anonymous"); }
            @Override public String username() { return s("username", ""); }
            @Override public String password() { return s("password", ""); }
            @Override public int publishingInterval() { return (int) Math.max(Integer.MIN_VALUE, n("publishingInterval", 1000)); }
            @Override public int samplingInterval() { return (int) Math.max(Integer.MIN_VALUE, n("samplingInterval", 1000)); }
            @Override public String[] mapping() {
                Object v = m.get("mapping");
                if (v instanceof String[] a) {
                    return a;
                }
                if (v instanceof java.util.Collection<?> col) {
                    return col.stream().map(String::valueOf).toArray(String[]::new);
                }
                return v == null || v.toString().isBlank() ? new String[0] : v.toString().split(",");
            }
            @Override public String autoMapFolder() { return s("autoMapFolder", ""); }
            @Override public boolean trustFirstCertificate() { return Boolean.parseBoolean(s("trustFirstCertificate", "false")); }
            @Override public long enterpriseId() { return n("enterpriseId", 0); }
            @Override public boolean enabled() { return Boolean.parseBoolean(s("enabled", "true")); }
        };
    }
}
