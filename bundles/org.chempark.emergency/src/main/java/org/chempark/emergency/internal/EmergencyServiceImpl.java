package org.chempark.emergency.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.chempark.asset.AssetService;
import org.chempark.asset.Enterprise;
import org.chempark.asset.Park;
import org.chempark.emergency.EmergencyService;
import org.chempark.emergency.ScenarioRequest;
import org.chempark.emergency.model.ChemicalProperties;
import org.chempark.emergency.model.DispersionTerrain;
import org.chempark.emergency.model.ModelInputException;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.security.CurrentSubject;
import org.chempark.sdk.security.DataScope;
import org.chempark.sdk.security.Subject;
import org.chempark.sdk.security.SubjectHolder;
import org.chempark.sdk.telemetry.LiveValues;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes and stores scenarios, builds response plans, owns the resources registry. Works without
 * the telemetry module; when a {@link LiveValues} service is present its latest readings are used.
 */
@Component(service = { EmergencyService.class, EmergencyServiceImpl.class }, configurationPid = "org.chempark.emergency", immediate = true)
@Designate(ocd = EmergencyConfig.class)
public class EmergencyServiceImpl implements EmergencyService {
    private static final Logger LOG = LoggerFactory.getLogger(EmergencyServiceImpl.class);
    static final String[] MIGRATIONS = { "V1__emergency.sql" };
    static final String DEMO_RESOURCES = "demo/emergency-resources.json";
    static final String DEMO_PARK_CODE = "BJ";

    private final AssetService assets;
    private final ChemicalProperties table = ChemicalProperties.defaults();
    final ScenarioStore scenarios;
    final ResourceStore resources;
    private final ScenarioAssembler assembler;
    private final PlanBuilder planBuilder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LiveValues liveValues;

    private final LazyAssetService lazyAssets;
    private final ExecutorService executor;
    private final DataSource dataSource;

    @Activate
    public EmergencyServiceImpl(@Reference ComponentServiceObjects<AssetService> assetsRef, @Reference SchemaMigrator migrator,
            @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource, EmergencyConfig config) {
        this.lazyAssets = new LazyAssetService(assetsRef);
        this.dataSource = dataSource;
        AssetService assets = lazyAssets;
        this.assets = assets;
        migrator.migrate("emergency", EmergencyServiceImpl.class.getClassLoader(), "db/emergency", MIGRATIONS);
        ScenarioAssembler.Defaults d = ScenarioAssembler.Defaults.STANDARD;
        ScenarioAssembler.Defaults defaults = new ScenarioAssembler.Defaults(config.default_windSpeed(), config.default_windFromDegrees(),
                d.cloudCoverOktas(), d.daytime(), d.solarRadiation(), config.default_temperatureC(), d.relativeHumidity(), d.holeDiameterMm(),
                d.gasPressureKPa(), d.liquidHeadM(), DispersionTerrain.URBAN);
        this.scenarios = new ScenarioStore(dataSource);
        this.resources = new ResourceStore(dataSource, id -> assets.enterprises().stream().anyMatch(e -> e.id() == id), () -> resourceBounds(assets));
        this.assembler = new ScenarioAssembler(assets, () -> Optional.ofNullable(liveValues), table, defaults);
        this.planBuilder = new PlanBuilder(table, new PlanBuilder.Office(config.office_name(), config.office_contact(), config.office_phone()));
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "chempark-emergency"));
        if (config.demo_load()) {
            // off the activation thread: the asset module may still be loading the demo park
            executor.execute(this::loadDemoResourcesWhenReady);
        }
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        lazyAssets.release();
    }

    /**
     * Waits until the demo park is committed before touching the asset service: on a fresh platform the asset
     * module loads it inside its own activation, and asking for the service meanwhile times out on SCR's
     * activation lock (logged by the framework with a stack trace). The park row is read from the asset schema
     * with plain SQL only as this readiness signal; the data itself comes through {@link AssetService}.
     */
    private void loadDemoResourcesWhenReady() {
        for (int attempt = 1; attempt <= 90 && !Thread.currentThread().isInterrupted(); attempt++) {
            try {
                String park = parkCode();
                if (park != null && !DEMO_PARK_CODE.equals(park)) {
                    return; // not the demo park: no demo resources
                }
                if (park != null) {
                    Thread.sleep(1000); // the asset module finishes its activation right after the commit
                    loadDemoResources();
                    return;
                }
                Thread.sleep(2000);
            } catch (IllegalStateException e) {
                LOG.info("Demo emergency resources: waiting for the asset model ({})", e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String parkCode() {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT code FROM asset.park ORDER BY id LIMIT 1");
                java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            return null; // the asset schema is not there yet
        }
    }

    /** Package-private constructor for tests (no OSGi): the same wiring. */
    EmergencyServiceImpl(AssetService assets, DataSource dataSource, LiveValues live, PlanBuilder.Office office) {
        this.assets = assets;
        this.scenarios = new ScenarioStore(dataSource);
        this.resources = new ResourceStore(dataSource, id -> assets.enterprises().stream().anyMatch(e -> e.id() == id), () -> resourceBounds(assets));
        this.liveValues = live;
        this.lazyAssets = null;
        this.executor = null;
        this.dataSource = dataSource;
        this.assembler = new ScenarioAssembler(assets, () -> Optional.ofNullable(liveValues), table, ScenarioAssembler.Defaults.STANDARD);
        this.planBuilder = new PlanBuilder(table, office);
    }

    ChemicalProperties table() {
        return table;
    }

    /** The park's box plus 5 km: where resources may be (some sit outside the fence). */
    static double[] resourceBounds(AssetService assets) {
        List<double[]> ring = assets.park().map(Park::boundary).map(Geo::outerRing).orElse(List.of());
        if (ring.isEmpty()) {
            return new double[] { -1e5, -1e5, 1e5, 1e5 };
        }
        double[] b = Geo.bbox(ring);
        return new double[] { b[0] - 5000, b[1] - 5000, b[2] + 5000, b[3] + 5000 };
    }

    /** Loads the demo resources once: only into an empty registry and only when the demo park is present. */
    int loadDemoResources() {
        Optional<Park> park = assets.park(); // IllegalStateException while the asset service is not available
        if (park.isEmpty() || !DEMO_PARK_CODE.equals(park.get().code()) || resources.count() > 0) {
            return 0;
        }
        try (InputStream in = EmergencyServiceImpl.class.getClassLoader().getResourceAsStream(DEMO_RESOURCES)) {
            JsonNode root = ScenarioStore.JSON.readTree(in);
            Map<String, Long> ids = new LinkedHashMap<>();
            assets.enterprises().forEach(e -> ids.put(e.code(), e.id()));
            List<EmergencyResourceItem> items = new ArrayList<>();
            for (JsonNode r : root.path("resources")) {
                Long ent = r.hasNonNull("enterpriseCode") ? ids.get(r.get("enterpriseCode").asText()) : null;
                if (r.hasNonNull("enterpriseCode") && ent == null) {
                    continue; // that demo enterprise was deleted
                }
                items.add(new EmergencyResourceItem(null, r.path("category").asText(), ent, r.path("code").asText(), r.path("name").asText(),
                        r.path("type").asText(), text(r, "organisation"), text(r, "mobile"),
                        r.hasNonNull("members") ? r.get("members").asInt() : null, r.hasNonNull("quantity") ? r.get("quantity").asDouble() : null,
                        text(r, "quantityUnit"), r.hasNonNull("east") ? r.get("east").asDouble() : null,
                        r.hasNonNull("north") ? r.get("north").asDouble() : null,
                        r.hasNonNull("expiryDate") ? java.time.LocalDate.parse(r.get("expiryDate").asText()) : null,
                        !r.has("available") || r.get("available").asBoolean(), text(r, "notes"), null, null));
            }
            int n = SubjectHolder.runAs(Subject.system("emergency-demo"), () -> resources.createAll(items));
            LOG.info("Loaded {} demo emergency resources for the demo park", n);
            return n;
        } catch (IOException | ProblemException e) {
            LOG.warn("Demo emergency resources not loaded: {}", e.getMessage());
            return 0;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Demo emergency resources not loaded: {}", e.getMessage());
            return 0;
        }
    }

    private static String text(JsonNode n, String f) {
        return n.hasNonNull(f) ? n.get(f).asText() : null;
    }

    @Override
    public Map<String, Object> compute(ScenarioRequest request) {
        long t0 = System.nanoTime();
        DataScope scope = DataScope.current();
        if (!scope.unrestricted()) {
            if (request != null && request.unitId() == null) {
                throw new ProblemException(403, "Forbidden", "Enterprise users compute scenarios for units of their own enterprise: give unitId",
                        List.of());
            }
            if (request != null) {
                assets.unit(request.unitId()).ifPresent(u -> scope.check(u.enterpriseId()));
            }
        }
        ScenarioAssembler.Assembled a = assembler.assemble(request);
        Map<String, Object> doc = a.document();
        doc.put("computeMs", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
        String by = CurrentSubject.find().map(Subject::username).orElse("system");
        long id = scenarios.insert(a.name(), request.releaseType().name(), a.inputs().chemical().cas(), a.unitId(), a.enterpriseId(), by,
                request, doc);
        LOG.info("Scenario {} computed: {} ({} zones, {} ms)", id, a.name(), a.result().zones().size(), doc.get("computeMs"));
        return scenarios.find(id).orElseThrow();
    }

    @Override
    public Optional<Map<String, Object>> scenario(long id) {
        return scenarios.find(id);
    }

    @Override
    public Map<String, Object> plan(long scenarioId) {
        Map<String, Object> s = scenarios.find(scenarioId).orElseThrow(() -> ProblemException.notFound("scenario", scenarioId));
        return plan(s);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> plan(Map<String, Object> s) {
        ScenarioEngine.Inputs in = ScenarioAssembler.inputsFrom((Map<String, Object>) s.get("inputs"), table);
        ScenarioEngine.Result result;
        try {
            result = ScenarioEngine.compute(in);
        } catch (ModelInputException e) {
            throw ScenarioAssembler.modelProblem(e);
        }
        DataScope scope = DataScope.current();
        PlanBuilder.Park park = new PlanBuilder.Park(assets.enterprises(), assets.units(), assets.mapFeatures());
        return planBuilder.build(s, in, result, park, resources.all(), scope::allows);
    }

    String planHtml(Map<String, Object> s) {
        Map<String, Object> plan = plan(s);
        List<double[]> boundary = assets.park().map(Park::boundary).map(Geo::outerRing).orElse(List.of());
        return PlanHtml.render(plan, s, boundary);
    }

    Map<Long, String> enterpriseNames() {
        Map<Long, String> m = new LinkedHashMap<>();
        for (Enterprise e : assets.enterprises()) {
            m.put(e.id(), e.name());
        }
        return m;
    }
}
