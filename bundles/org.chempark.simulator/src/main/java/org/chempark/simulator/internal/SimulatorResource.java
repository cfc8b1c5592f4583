package org.chempark.simulator.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.chempark.sdk.rest.FieldError;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/simulator/...}: the simulated devices and the scenario API (leak, overpressure,
 * frozen sensor, device offline). Park staff only: the simulator spans every enterprise.
 */
@Component(service = SimulatorResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + SimulatorModule.ID })
@Path("simulator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {
    private final Simulator simulator;

    @Activate
    public SimulatorResource(@Reference Simulator simulator) {
        this.simulator = simulator;
    }

    /** A scenario as the API shows it. */
    public record ScenarioView(String id, String type, String target, Instant startedAt, Instant endsAt, long remainingSeconds,
            Map<String, Double> points, Map<String, Double> currentValues, List<String> devices) {
    }

    /** A simulated device as the API shows it. */
    public record DeviceView(String name, String kind, String enterpriseCode, Long enterpriseId, String protocol, int port, int unitId,
            int points, boolean listening, String bridgeConfiguration) {
    }

    @GET
    @Path("devices")
    @RequiresPermission("simulator:read")
    public List<DeviceView> devices() {
        DataScope.requireParkWide();
        Map<String, Boolean> listening = simulator.listening();
        return simulator.devices().stream().map(d -> new DeviceView(d.name(), d.kind(), d.enterpriseCode(), d.enterpriseId(), "modbus-tcp",
                d.port(), SimDevice.UNIT_ID, d.pointCodes().size(), Boolean.TRUE.equals(listening.get(d.name())),
                Simulator.BRIDGE_PID + "~sim-" + d.name())).toList();
    }

    @GET
    @Path("scenarios")
    @RequiresPermission("simulator:read")
    public List<ScenarioView> scenarios() {
        DataScope.requireParkWide();
        Instant now = simulator.now();
        return simulator.model().scenarios().stream().filter(s -> now.isBefore(s.endsAt())).map(s -> view(s, now)).toList();
    }

    @GET
    @Path("scenarios/{id}")
    @RequiresPermission("simulator:read")
    public ScenarioView scenario(@PathParam("id") String id) {
        DataScope.requireParkWide();
        Instant now = simulator.now();
        return simulator.model().scenarios().stream().filter(s -> s.id().equals(id) && now.isBefore(s.endsAt())).findFirst()
                .map(s -> view(s, now)).orElseThrow(() -> ProblemException.notFound("scenario", id));
    }

    /**
     * Starts a scenario. Body: {@code {"type":"LEAK","pointCode":"E01-GT-1101","durationSeconds":300,"radiusM":80}};
     * OVERPRESSURE and FREEZE take {@code pointCode}, LEAK {@code pointCode} or {@code unitCode},
     * OFFLINE {@code device} (see {@code GET devices}).
     */
    @POST
    @Path("scenarios")
    @RequiresPermission("simulator:admin")
    public Response start(ParkModel.Request request) {
        DataScope.requireParkWide();
        if (request == null) {
            throw ProblemException.invalid(List.of(new FieldError("type", "required",
                    "send a JSON body such as {\"type\":\"LEAK\",\"pointCode\":\"E01-GT-1101\",\"durationSeconds\":300}")));
        }
        Scenario s;
        try {
            s = simulator.start(request);
        } catch (ScenarioException e) {
            throw ProblemException.invalid(List.of(new FieldError(e.field, e.notFound ? "exists" : "invalid", e.getMessage())));
        }
        return Response.status(201).header("Location", Rest.BASE_PATH + "/simulator/scenarios/" + s.id()).entity(view(s, simulator.now()))
                .build();
    }

    @DELETE
    @Path("scenarios/{id}")
    @RequiresPermission("simulator:admin")
    public Response cancel(@PathParam("id") String id) {
        DataScope.requireParkWide();
        if (!simulator.cancel(id)) {
            throw ProblemException.notFound("scenario", id);
        }
        return Response.noContent().build();
    }

    private ScenarioView view(Scenario s, Instant now) {
        Map<String, Double> current = new TreeMap<>();
        s.points().keySet().forEach(c -> current.put(c, round(simulator.model().value(c))));
        Map<String, Double> targets = new TreeMap<>();
        s.points().forEach((k, v) -> targets.put(k, round(v)));
        return new ScenarioView(s.id(), s.type().name(), s.target(), s.startedAt(), s.endsAt(),
                Math.max(0, s.endsAt().getEpochSecond() - now.getEpochSecond()), targets, current, s.devices());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
