package org.chempark.emergency.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chempark.sdk.rest.Page;
import org.chempark.sdk.rest.PageQuery;
import org.chempark.sdk.security.DataScope;

/** Stored scenarios ({@code emergency.scenario}): request and computed document as JSONB. */
final class ScenarioStore {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DataSource ds;

    ScenarioStore(DataSource ds) {
        this.ds = ds;
    }

    long insert(String name, String releaseType, String cas, Long unitId, Long enterpriseId, String createdBy, Object request,
            Map<String, Object> document) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO emergency.scenario "
                + "(name, release_type, cas, unit_id, enterprise_id, created_by, request, result) VALUES (?,?,?,?,?,?,?::jsonb,?::jsonb) RETURNING id")) {
            ps.setString(1, name.length() > 200 ? name.substring(0, 200) : name);
            ps.setString(2, releaseType);
            ps.setString(3, cas);
            ps.setObject(4, unitId, Types.BIGINT);
            ps.setObject(5, enterpriseId, Types.BIGINT);
            ps.setString(6, createdBy);
            ps.setString(7, JSON.writeValueAsString(request));
            ps.setString(8, JSON.writeValueAsString(document));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("storing the scenario failed: " + e.getMessage(), e);
        }
    }

    /** The full document with id, createdAt, createdBy and enterpriseId, unscoped. */
    Optional<Map<String, Object>> find(long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, created_at, created_by, enterprise_id, request, result FROM emergency.scenario WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", rs.getLong("id"));
                doc.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
                doc.put("createdBy", rs.getString("created_by"));
                doc.putAll(JSON.readValue(rs.getString("result"), MAP));
                doc.put("enterpriseId", rs.getObject("enterprise_id", Long.class));
                doc.put("request", JSON.readValue(rs.getString("request"), MAP));
                return Optional.of(doc);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("reading scenario " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Summaries, newest first, in the caller's scope (scenarios at a map point are park staff's). */
    Page<Map<String, Object>> list(PageQuery page) {
        String where = DataScope.current().sqlPredicate("enterprise_id");
        try (Connection c = ds.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM emergency.scenario WHERE " + where);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, release_type, cas, unit_id, enterprise_id, created_at, created_by, "
                    + "result->'chemical'->>'nameZh' AS chem, jsonb_array_length(result->'zones'->'features') - 1 AS zones "
                    + "FROM emergency.scenario WHERE " + where + " ORDER BY created_at DESC, id DESC LIMIT " + page.size() + " OFFSET "
                    + page.offset()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("name", rs.getString("name"));
                    m.put("releaseType", rs.getString("release_type"));
                    m.put("cas", rs.getString("cas"));
                    m.put("chemicalZh", rs.getString("chem"));
                    m.put("unitId", rs.getObject("unit_id", Long.class));
                    m.put("enterpriseId", rs.getObject("enterprise_id", Long.class));
                    Timestamp t = rs.getTimestamp("created_at");
                    m.put("createdAt", t.toInstant().toString());
                    m.put("createdBy", rs.getString("created_by"));
                    m.put("zones", rs.getInt("zones"));
                    items.add(m);
                }
            }
            return new Page<>(items, total, page.page(), page.size());
        } catch (SQLException e) {
            throw new IllegalStateException("listing scenarios failed: " + e.getMessage(), e);
        }
    }

    void delete(long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM emergency.scenario WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting scenario " + id + " failed: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> toMap(Object o) {
        return JSON.convertValue(o, MAP);
    }
}
