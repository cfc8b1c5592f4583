package org.chempark.asset.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

import org.chempark.asset.CatalogCategory;
import org.chempark.asset.CatalogEntry;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.Equipment;
import org.chempark.asset.EquipmentType;
import org.chempark.asset.MapFeature;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.PointType;
import org.chempark.asset.Unit;
import org.chempark.asset.UnitType;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.rest.ProblemException;
import org.chempark.sdk.rest.Rest;
import org.chempark.sdk.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/asset/...}: CRUD of the asset model with validation, paging ({@code page},
 * {@code size}), sorting ({@code sort=name,-code}), filters and keyword search ({@code q}),
 * plus the park map (GeoJSON) and statistics. R-F1.1, R-A.5.
 */
@Component(service = AssetResource.class, property = { Rest.RESOURCE, Rest.MODULE + "=" + AssetModule.ID,
        Rest.MAX_BODY_KEY + ":Long=" + BaseLayerStore.MAX_BYTES })
@Path("asset")
@RequiresPermission(AssetModule.READ)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssetResource {
    static final Set<String> LAYERS = Set.of("park", "features", "enterprises", "units", "equipment", "points");

    private final AssetStore store;
    private final AssetServiceImpl service;
    private final BaseLayerStore baseLayer;

    @Activate
    public AssetResource(@Reference AssetServiceImpl service) {
        this.service = service;
        this.store = service.store;
        String data = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        this.baseLayer = new BaseLayerStore(java.nio.file.Path.of(data, "asset"));
    }

    private <T> T changed(String entity, Long id, String action, T result) {
        service.changed(entity, id, action);
        return result;
    }

    private static <T> T body(T body) {
        if (body == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        return body;
    }

    private static Response created(String path, Long id, Object entity) {
        return Response.status(201).header("Location", Rest.BASE_PATH + "/asset/" + path + "/" + id).entity(entity).build();
    }

    // park
    @GET
    @Path("park")
    public Park park() {
        return store.park().orElseThrow(() -> new ProblemException(404, "Not found", "No park is set up yet; PUT /asset/park first", List.of()));
    }

    @PUT
    @RequiresPermission(AssetModule.WRITE)
    @Path("park")
    public Park savePark(Park p) {
        Park saved = store.savePark(body(p));
        return changed("park", saved.id(), "UPDATED", saved);
    }

    // enterprises
    @GET
    @Path("enterprises")
    public Page<Enterprise> enterprises(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("q") String q, @QueryParam("industry") String industry) {
        return store.enterprises(PageQuery.parse(page, size, sort, AssetStore.ENTERPRISE_SORT), q, industry);
    }

    @GET
    @Path("enterprises/{id}")
    public Enterprise enterprise(@PathParam("id") long id) {
        return store.enterprise(id);
    }

    @POST
    @RequiresPermission(AssetModule.WRITE)
    @Path("enterprises")
    public Response createEnterprise(Enterprise e) {
        Enterprise saved = store.createEnterprise(body(e));
        return changed("enterprise", saved.id(), "CREATED", created("enterprises", saved.id(), saved));
    }

    @PUT
    @RequiresPermission(AssetModule.WRITE)
    @Path("enterprises/{id}")
    public Enterprise updateEnterprise(@PathParam("id") long id, Enterprise e) {
        return changed("enterprise", id, "UPDATED", store.updateEnterprise(id, body(e)));
    }

    @DELETE
    @RequiresPermission(AssetModule.WRITE)
    @Path("enterprises/{id}")
    public Response deleteEnterprise(@PathParam("id") long id) {
        store.deleteEnterprise(id);
        return changed("enterprise", id, "DELETED", Response.noContent().build());
    }

    // units
    @GET
    @Path("units")
    public Page<Unit> units(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("q") String q, @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("type") String type) {
        return store.units(PageQuery.parse(page, size, sort, AssetStore.UNIT_SORT), q, enterpriseId, parse(UnitType.class, "type", type));
    }

    @GET
    @Path("units/{id}")
    public Unit unit(@PathParam("id") long id) {
        return store.unit(id);
    }

    @POST
    @RequiresPermission(AssetModule.WRITE)
    @Path("units")
    public Response createUnit(Unit u) {
        Unit saved = store.createUnit(body(u));
        return changed("unit", saved.id(), "CREATED", created("units", saved.id(), saved));
    }

    @PUT
    @RequiresPermission(AssetModule.WRITE)
    @Path("units/{id}")
    public Unit updateUnit(@PathParam("id") long id, Unit u) {
        return changed("unit", id, "UPDATED", store.updateUnit(id, body(u)));
    }

    @DELETE
    @RequiresPermission(AssetModule.WRITE)
    @Path("units/{id}")
    public Response deleteUnit(@PathParam("id") long id) {
        store.deleteUnit(id);
        return changed("unit", id, "DELETED", Response.noContent().build());
    }

    // equipment
    @GET
    @Path("equipment")
    public Page<Equipment> equipment(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("q") String q, @QueryParam("unitId") Long unitId, @QueryParam("type") String type) {
        return store.equipment(PageQuery.parse(page, size, sort, AssetStore.EQUIPMENT_SORT), q, unitId,
                parse(EquipmentType.class, "type", type));
    }

    @GET
    @Path("equipment/{id}")
    public Equipment equipmentItem(@PathParam("id") long id) {
        return store.equipment(id);
    }

    @POST
    @RequiresPermission(AssetModule.WRITE)
    @Path("equipment")
    public Response createEquipment(Equipment e) {
        Equipment saved = store.createEquipment(body(e));
        return changed("equipment", saved.id(), "CREATED", created("equipment", saved.id(), saved));
    }

    @PUT
    @RequiresPermission(AssetModule.WRITE)
    @Path("equipment/{id}")
    public Equipment updateEquipment(@PathParam("id") long id, Equipment e) {
        return changed("equipment", id, "UPDATED", store.updateEquipment(id, body(e)));
    }

    @DELETE
    @RequiresPermission(AssetModule.WRITE)
    @Path("equipment/{id}")
    public Response deleteEquipment(@PathParam("id") long id) {
        store.deleteEquipment(id);
        return changed("equipment", id, "DELETED", Response.noContent().build());
    }

    // monitoring points
    @GET
    @Path("points")
    public Page<MonitoringPoint> points(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("q") String q, @QueryParam("equipmentId") Long equipmentId, @QueryParam("unitId") Long unitId,
            @QueryParam("enterpriseId") Long enterpriseId, @QueryParam("type") String type) {
        return store.points(PageQuery.parse(page, size, sort, AssetStore.POINT_SORT), q, equipmentId, unitId, enterpriseId,
                parse(PointType.class, "type", type));
    }

    @GET
    @Path("points/{id}")
    public MonitoringPoint point(@PathParam("id") long id) {
        return store.point(id);
    }

    @POST
    @RequiresPermission(AssetModule.WRITE)
    @Path("points")
    public Response createPoint(MonitoringPoint p) {
        MonitoringPoint saved = store.createPoint(body(p));
        return changed("point", saved.id(), "CREATED", created("points", saved.id(), saved));
    }

    @PUT
    @RequiresPermission(AssetModule.WRITE)
    @Path("points/{id}")
    public MonitoringPoint updatePoint(@PathParam("id") long id, MonitoringPoint p) {
        return changed("point", id, "UPDATED", store.updatePoint(id, body(p)));
    }

    @DELETE
    @RequiresPermission(AssetModule.WRITE)
    @Path("points/{id}")
    public Response deletePoint(@PathParam("id") long id) {
        store.deletePoint(id);
        return changed("point", id, "DELETED", Response.noContent().build());
    }

    // chemicals
    @GET
    @Path("chemicals")
    public Page<Chemical> chemicals(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("q") String q, @QueryParam("hazardCategory") String hazardCategory, @QueryParam("keySupervised") Boolean keySupervised) {
        return store.chemicals(PageQuery.parse(page, size, sort, AssetStore.CHEMICAL_SORT), q, hazardCategory, keySupervised);
    }

    @GET
    @Path("chemicals/{id}")
    public Chemical chemical(@PathParam("id") long id) {
        return store.chemical(id);
    }

    @POST
    @RequiresPermission(AssetModule.WRITE)
    @Path("chemicals")
    public Response createChemical(Chemical c) {
        Chemical saved = store.createChemical(body(c));
        return changed("chemical", saved.id(), "CREATED", created("chemicals", saved.id(), saved));
    }

    @PUT
    @RequiresPermission(AssetModule.WRITE)
    @Path("chemicals/{id}")
    public Chemical updateChemical(@PathParam("id") long id, Chemical c) {
        return changed("chemical", id, "UPDATED", store.updateChemical(id, body(c)));
    }

    @DELETE
    @RequiresPermission(AssetModule.WRITE)
    @Path("chemicals/{id}")
    public Response deleteChemical(@PathParam("id") long id) {
        store.deleteChemical(id);
        return changed("chemical", id, "DELETED", Response.noContent().build());
    }

    // 禁限控 catalog
    @GET
    @Path("catalog")
    public Page<CatalogEntry> catalog(@QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("sort") String sort,
            @QueryParam("q") String q, @QueryParam("category") String category) {
        return store.catalog(PageQuery.parse(page, size, sort, AssetStore.CATALOG_SORT), q, parse(CatalogCategory.class, "category", category));
    }

    @GET
    @Path("catalog/{id}")
    public CatalogEntry catalogEntry(@PathParam("id") long id) {
        return store.catalogEntry(id);
    }

    @POST
    @RequiresPermission(AssetModule.WRITE)
    @Path("catalog")
    public Response createCatalogEntry(CatalogEntry c) {
        CatalogEntry saved = store.saveCatalog(null, body(c));
        return created("catalog", saved.id(), saved);
    }

    @PUT
    @RequiresPermission(AssetModule.WRITE)
    @Path("catalog/{id}")
    public CatalogEntry updateCatalogEntry(@PathParam("id") long id, CatalogEntry c) {
        return store.saveCatalog(id, body(c));
    }

    @DELETE
    @RequiresPermission(AssetModule.WRITE)
    @Path("catalog/{id}")
    public Response deleteCatalogEntry(@PathParam("id") long id) {
        store.deleteCatalog(id);
        return Response.noContent().build();
    }

    // map
    @GET
    @Path("map-features")
    public List<MapFeature> mapFeatures() {
        return store.mapFeatures();
    }

    @POST
    @RequiresPermission(AssetModule.WRITE)
    @Path("map-features")
    public Response createMapFeature(MapFeature f) {
        MapFeature saved = store.createMapFeature(body(f));
        return created("map-features", saved.id(), saved);
    }

    /** The park map as one GeoJSON FeatureCollection ({@code layers=park,features,enterprises,units,equipment,points}). */
    @GET
    @Path("map")
    public Map<String, Object> map(@QueryParam("layers") String layers) {
        Set<String> wanted = layers == null || layers.isBlank() ? LAYERS
                : Arrays.stream(layers.split(",")).map(String::trim).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>(wanted);
        unknown.removeAll(LAYERS);
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown layers " + unknown + "; layers are " + new TreeSet<>(LAYERS));
        }
        return store.map(wanted);
    }

    // the optional raster base layer of the park map (底图)

    /** Where the park's base layer image lies and what it is; 404 when the park has none. */
    @GET
    @Path("map/base-layer/info")
    public Map<String, Object> baseLayerInfo() {
        return baseLayer.info().map(BaseLayerStore.Info::toMap)
                .orElseThrow(() -> new ProblemException(404, "Not found", "The park has no base layer; PUT one to /asset/map/base-layer", List.of()));
    }

    /** The base layer image itself (PNG or JPEG). */
    @GET
    @Path("map/base-layer")
    @Produces({ "image/png", "image/jpeg", MediaType.APPLICATION_JSON })
    public Response baseLayerImage(@javax.ws.rs.HeaderParam("If-None-Match") String ifNoneMatch) throws java.io.IOException {
        BaseLayerStore.Info info = baseLayer.info()
                .orElseThrow(() -> new ProblemException(404, "Not found", "The park has no base layer; PUT one to /asset/map/base-layer", List.of()));
        String etag = "\"" + info.sha256() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().tag(new javax.ws.rs.core.EntityTag(info.sha256())).build();
        }
        java.io.InputStream in = baseLayer.open();
        javax.ws.rs.core.StreamingOutput out = os -> {
            try (in) {
                in.transferTo(os);
            }
        };
        return Response.ok(out, info.contentType()).tag(new javax.ws.rs.core.EntityTag(info.sha256())).header("Cache-Control", "no-cache").build();
    }

    /**
     * Uploads (replaces) the base layer: the body is the image (Content-Type image/png or image/jpeg, at most 20 MiB),
     * the query gives the extent it covers in the park frame, e.g. {@code ?minX=0&minY=0&maxX=6000&maxY=4000}.
     */
    @PUT
    @Path("map/base-layer")
    @Consumes({ "image/png", "image/jpeg", MediaType.WILDCARD })
    @RequiresPermission(AssetModule.WRITE)
    public Map<String, Object> uploadBaseLayer(@javax.ws.rs.HeaderParam("Content-Type") String contentType, @QueryParam("minX") Double minX,
            @QueryParam("minY") Double minY, @QueryParam("maxX") Double maxX, @QueryParam("maxY") Double maxY, java.io.InputStream body)
            throws java.io.IOException {
        String user = org.chempark.sdk.security.CurrentSubject.get().username();
        BaseLayerStore.Info info = baseLayer.save(contentType, minX, minY, maxX, maxY, body, user);
        return info.toMap();
    }

    @DELETE
    @Path("map/base-layer")
    @RequiresPermission(AssetModule.WRITE)
    public Response deleteBaseLayer() throws java.io.IOException {
        if (!baseLayer.delete()) {
            throw new ProblemException(404, "Not found", "The park has no base layer", List.of());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("statistics")
    public Map<String, Object> statistics() {
        return store.statistics();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String param, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(param + " must be one of " + Arrays.toString(type.getEnumConstants()) + " (got '" + value + "')");
        }
    }
}
