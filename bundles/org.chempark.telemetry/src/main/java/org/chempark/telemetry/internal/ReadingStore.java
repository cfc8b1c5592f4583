package org.chempark.telemetry.internal;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.chempark.asset.PointType;
import org.chempark.sdk.telemetry.Quality;
import org.chempark.sdk.telemetry.Reading;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDBC access to the {@code telemetry} schema: binary COPY of readings into day × point-class
 * partitions, partition maintenance and retention, unknown points, dead letters, latest values
 * and history queries.
 */
public final class ReadingStore {
    private static final Logger LOG = LoggerFactory.getLogger(ReadingStore.class);
    static final String[] MIGRATIONS = { "V1__telemetry.sql" };
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Microseconds between 1970-01-01 and the PostgreSQL epoch 2000-01-01. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final byte[] COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    static final String COPY_SQL = "COPY telemetry.reading (point_id, ts, value, quality, point_class) FROM STDIN (FORMAT binary)";

    private final DataSource dataSource;
    /** Existing (day, class) partitions as {@code epochDay * 16 + class}. */
    private final Set<Long> partitions = ConcurrentHashMap.newKeySet();

    public ReadingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    static long partitionKey(long epochDay, int pointClass) {
        return epochDay * 16 + pointClass;
    }

    /** Whether a reading of this class at this time has a partition to go to. */
    public boolean hasPartition(Instant ts, PointType type) {
        return partitions.contains(partitionKey(Math.floorDiv(ts.getEpochSecond(), 86_400L), type.ordinal()));
    }

    // ---------------------------------------------------------------- partitions and retention

    /**
     * Creates the partitions from {@code acceptPastDays} before {@code now} to {@code daysAhead}
     * after it (skipping those already past their class's retention) and drops every class
     * partition whose whole day is older than its retention. Returns the names dropped.
     */
    public synchronized List<String> maintain(Instant now, Settings settings) throws SQLException {
        List<String> dropped = new ArrayList<>();
        long today = Math.floorDiv(now.getEpochSecond(), 86_400L);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            Set<String> existing = existingPartitions(c);
            for (long d = today - settings.acceptPastDays(); d <= today + settings.partitionDaysAhead(); d++) {
                String day = dayTable(d);
                for (PointType t : PointType.values()) {
                    if (expired(d, t, now, settings)) {
                        continue;
                    }
                    if (!existing.contains(day)) {
                        st.execute("CREATE TABLE IF NOT EXISTS telemetry." + day + " PARTITION OF telemetry.reading FOR VALUES FROM ('"
                                + LocalDate.ofEpochDay(d) + " 00:00:00+00') TO ('" + LocalDate.ofEpochDay(d + 1)
                                + " 00:00:00+00') PARTITION BY LIST (point_class)");
                        existing.add(day);
                    }
                    String part = day + "_c" + t.ordinal();
                    if (!existing.contains(part)) {
                        st.execute("CREATE TABLE IF NOT EXISTS telemetry." + part + " PARTITION OF telemetry." + day + " FOR VALUES IN ("
                                + t.ordinal() + ")");
                        existing.add(part);
                    }
                }
            }
            // retention: drop class partitions whose day ended before now - retention(class); then empty days
            for (String name : new ArrayList<>(existing)) {
                if (!name.matches("reading_d\\d{8}_c\\d+")) {
                    continue;
                }
                long d = LocalDate.parse(name.substring(9, 17), DAY).toEpochDay();
                int cls = Integer.parseInt(name.substring(19));
                if (cls < PointType.values().length && expired(d, PointType.values()[cls], now, settings)) {
                    partitions.remove(partitionKey(d, cls));
                    st.execute("DROP TABLE IF EXISTS telemetry." + name);
                    existing.remove(name);
                    dropped.add(name);
                }
            }
            for (String name : new ArrayList<>(existing)) {
                if (name.matches("reading_d\\d{8}") && existing.stream().noneMatch(n -> n.startsWith(name + "_c"))) {
                    st.execute("DROP TABLE IF EXISTS telemetry." + name);
                    existing.remove(name);
                    dropped.add(name);
                }
            }
            partitions.clear();
            for (String name : existing) {
                if (name.matches("reading_d\\d{8}_c\\d+")) {
                    partitions.add(partitionKey(LocalDate.parse(name.substring(9, 17), DAY).toEpochDay(), Integer.parseInt(name.substring(19))));
                }
            }
        }
        if (!dropped.isEmpty()) {
            LOG.info("Retention dropped {} reading partitions: {}", dropped.size(), dropped);
        }
        return dropped;
    }

    private static boolean expired(long epochDay, PointType t, Instant now, Settings s) {
        long dayEnd = (epochDay + 1) * 86_400L;
        return dayEnd <= now.getEpochSecond() - s.retention(t) * 86_400L;
    }

    static String dayTable(long epochDay) {
        return "reading_d" + LocalDate.ofEpochDay(epochDay).format(DAY);
    }

    Set<String> existingPartitions(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ch.relname FROM pg_inherits i JOIN pg_class ch ON ch.oid = i.inhrelid "
                + "JOIN pg_namespace n ON n.oid = ch.relnamespace WHERE n.nspname = 'telemetry' AND ch.relname LIKE 'reading_d%'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Partition names that exist now, oldest first. */
    public List<String> partitionNames() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return existingPartitions(c).stream().sorted().toList();
        }
    }

    // ---------------------------------------------------------------- COPY

    /** Appends readings in PostgreSQL binary COPY format; {@link #finish()} returns the bytes. */
    static final class CopyBuffer {
        /** One row: field count, then (length, value) for point_id, ts, value, quality, point_class. */
        private static final int ROW_BYTES = 50;
        private static final java.lang.invoke.VarHandle SHORT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class,
                java.nio.ByteOrder.BIG_ENDIAN);
        private static final java.lang.invoke.VarHandle INT = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class,
                java.nio.ByteOrder.BIG_ENDIAN);
        private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
                java.nio.ByteOrder.BIG_ENDIAN);
        private byte[] buf;
        private int pos;
        private int rows;

        CopyBuffer(int expectedRows) {
            buf = new byte[COPY_HEADER.length + 2 + expectedRows * ROW_BYTES];
            System.arraycopy(COPY_HEADER, 0, buf, 0, COPY_HEADER.length);
            pos = COPY_HEADER.length;
        }

        void add(long pointId, Instant ts, double value, Quality q, int pointClass) {
            ensure(ROW_BYTES);
            byte[] b = buf;
            int p = pos;
            SHORT.set(b, p, (short) 5);
            INT.set(b, p + 2, 8);
            LONG.set(b, p + 6, pointId);
            INT.set(b, p + 14, 8);
            LONG.set(b, p + 18, ts.getEpochSecond() * 1_000_000L + ts.getNano() / 1000 - PG_EPOCH_MICROS);
            INT.set(b, p + 26, 8);
            LONG.set(b, p + 30, Double.doubleToRawLongBits(value));
            INT.set(b, p + 38, 2);
            SHORT.set(b, p + 42, (short) q.ordinal());
            INT.set(b, p + 44, 2);
            SHORT.set(b, p + 48, (short) pointClass);
            pos = p + ROW_BYTES;
            rows++;
        }

        int rows() {
            return rows;
        }

        byte[] finish() {
            ensure(2);
            SHORT.set(buf, pos, (short) -1);
            pos += 2;
            return java.util.Arrays.copyOf(buf, pos);
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }
    }

    /** COPYs the rows on {@code c} (in the caller's transaction); returns the rows written. */
    static long copy(Connection c, CopyBuffer rows) throws SQLException {
        if (rows.rows() == 0) {
            return 0;
        }
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, new ByteArrayInputStream(rows.finish()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- unknown points and dead letters

    /** Counts of one unknown point code from one source within a batch. */
    record UnknownCount(String code, String source, long count, Instant first, Instant last) {
    }

    static void upsertUnknown(Connection c, Collection<UnknownCount> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO telemetry.unknown_point (code, source, count, first_seen, last_seen) "
                + "VALUES (?,?,?,?,?) ON CONFLICT (code, source) DO UPDATE SET count = unknown_point.count + excluded.count, "
                + "last_seen = greatest(unknown_point.last_seen, excluded.last_seen)")) {
            for (UnknownCount u : counts) {
                ps.setString(1, u.code());
                ps.setString(2, u.source());
                ps.setLong(3, u.count());
                ps.setTimestamp(4, Timestamp.from(u.first()));
                ps.setTimestamp(5, Timestamp.from(u.last()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A payload or reading that was not accepted. */
    record DeadLetter(String source, String reason, byte[] payload, Instant received) {
    }

    static void insertDeadLetters(Connection c, Collection<DeadLetter> letters, int maxBytes) throws SQLException {
        if (letters.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO telemetry.dead_letter (source, reason, payload, truncated, received) VALUES (?,?,?,?,?)")) {
            for (DeadLetter d : letters) {
                byte[] p = d.payload() == null ? new byte[0] : d.payload();
                boolean truncated = p.length > maxBytes;
                ps.setString(1, d.source() == null ? "?" : d.source());
                ps.setString(2, d.reason() == null ? "?" : d.reason());
                ps.setBytes(3, truncated ? java.util.Arrays.copyOf(p, maxBytes) : p);
                ps.setBoolean(4, truncated);
                ps.setTimestamp(5, Timestamp.from(d.received()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---------------------------------------------------------------- latest values

    /** Upserts latest values (newer timestamps win). */
    public void flushLatest(Collection<LatestCache.Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        Long[] ids = new Long[n];
        String[] codes = new String[n];
        Timestamp[] ts = new Timestamp[n];
        Double[] values = new Double[n];
        Short[] qs = new Short[n];
        String[] sources = new String[n];
        Timestamp[] received = new Timestamp[n];
        int i = 0;
        for (LatestCache.Entry e : entries) {
            ids[i] = e.pointId();
            codes[i] = e.reading().pointId();
            ts[i] = Timestamp.from(e.reading().timestamp());
            values[i] = e.reading().value();
            qs[i] = (short) e.reading().quality().ordinal();
            sources[i] = e.reading().source();
            received[i] = Timestamp.from(e.received());
            i++;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO telemetry.latest_value (point_id, point_code, ts, value, quality, source, received) "
                        + "SELECT * FROM unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::float8[], ?::smallint[], ?::text[], ?::timestamptz[]) "
                        + "ON CONFLICT (point_id) DO UPDATE SET point_code = excluded.point_code, ts = excluded.ts, value = excluded.value, "
                        + "quality = excluded.quality, source = excluded.source, received = excluded.received "
                        + "WHERE excluded.ts >= latest_value.ts")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            ps.setArray(2, c.createArrayOf("text", codes));
            ps.setArray(3, c.createArrayOf("timestamptz", ts));
            ps.setArray(4, c.createArrayOf("float8", values));
            ps.setArray(5, c.createArrayOf("int2", qs));
            ps.setArray(6, c.createArrayOf("text", sources));
            ps.setArray(7, c.createArrayOf("timestamptz", received));
            ps.executeUpdate();
        }
    }

    /** Every stored latest value. */
    public List<LatestCache.Entry> loadLatest() throws SQLException {
        List<LatestCache.Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT point_id, point_code, ts, value, quality, source, received FROM telemetry.latest_value");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LatestCache.Entry(rs.getLong(1), new Reading(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getDouble(4),
                        Quality.values()[rs.getShort(5)], rs.getString(6)), rs.getTimestamp(7).toInstant()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- history

    /** A stored reading with its point id. */
    public record Row(long pointId, Instant ts, double value, Quality quality) {
    }

    /** Raw readings of the points in {@code [from, to)}, by point then time, at most {@code limit}. */
    public List<Row> raw(Collection<Long> pointIds, Instant from, Instant to, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT point_id, ts, value, quality FROM telemetry.reading WHERE point_id = ANY(?) AND ts >= ? AND ts < ? "
                        + "ORDER BY point_id, ts LIMIT ?")) {
            ps.setArray(1, c.createArrayOf("bigint", pointIds.toArray()));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3), Quality.values()[rs.getShort(4)]));
                }
            }
        }
        return out;
    }

    /** min/max/avg/last and count of the non-BAD readings of one interval of one point. */
    public record Bucket(long pointId, Instant start, double min, double max, double avg, double last, long count) {
    }

    /** Aggregates per {@code intervalSeconds} bucket (aligned to 2000-01-01 UTC), by point then time. */
    public List<Bucket> aggregate(Collection<Long> pointIds, Instant from, Instant to, long intervalSeconds, int limit) throws SQLException {
        List<Bucket> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT point_id, date_bin(make_interval(secs => ?), ts, timestamptz '2000-01-01 00:00:00+00') AS b, "
                        + "min(value), max(value), avg(value), (array_agg(value ORDER BY ts DESC))[1], count(*) "
                        + "FROM telemetry.reading WHERE point_id = ANY(?) AND ts >= ? AND ts < ? AND quality <> 2 "
                        + "GROUP BY 1, 2 ORDER BY 1, 2 LIMIT ?")) {
            ps.setLong(1, intervalSeconds);
            ps.setArray(2, c.createArrayOf("bigint", pointIds.toArray()));
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Bucket(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6), rs.getLong(7)));
                }
            }
        }
        return out;
    }

    /** Counts rows of the reading table (tests, bench). */
    public long countReadings() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM telemetry.reading")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
