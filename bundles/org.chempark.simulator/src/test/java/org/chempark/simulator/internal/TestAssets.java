package org.chempark.simulator.internal;

import java.util.List;
import java.util.Optional;

import org.chempark.asset.AssetService;
import org.chempark.asset.Chemical;
import org.chempark.asset.Enterprise;
import org.chempark.asset.MonitoringPoint;
import org.chempark.asset.Park;
import org.chempark.asset.Unit;

/** The demo park served from memory, in place of the database-backed asset service, for these unit tests. */
final class TestAssets implements AssetService {
    private final DemoParkData park;

    TestAssets(DemoParkData park) {
        this.park = park;
    }

    @Override
    public Optional<Park> park() {
        return Optional.empty();
    }

    @Override
    public List<Enterprise> enterprises() {
        return park.enterprises;
    }

    @Override
    public List<Unit> units() {
        return park.units;
    }

    @Override
    public Optional<Unit> unit(long id) {
        return park.units.stream().filter(u -> u.id() == id).findFirst();
    }

    @Override
    public List<MonitoringPoint> points() {
        return park.points;
    }

    @Override
    public Optional<MonitoringPoint> pointByCode(String code) {
        return park.points.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    @Override
    public List<Chemical> chemicals() {
        return List.of();
    }
}
