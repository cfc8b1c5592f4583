package org.chempark.classification.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.chempark.asset.AssetService;
import org.chempark.sdk.persistence.SchemaMigrator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** Migrates the classification schema and holds its stores. */
@Component(service = ClassificationData.class, configurationPid = ClassificationConfig.PID)
@Designate(ocd = ClassificationConfig.class)
public class ClassificationData {
    static final String[] MIGRATIONS = { "V1__commitments_diagnosis_classification.sql", "V2__diagnosis_bonuses_and_counts.sql" };

    final Stores stores;
    final ClassificationConfig config;

    @Activate
    public ClassificationData(@Reference SchemaMigrator migrator, @Reference(target = "(osgi.jndi.service.name=chempark)") DataSource dataSource,
            @Reference AssetService assets, ClassificationConfig config) {
        migrator.migrate("classification", ClassificationData.class.getClassLoader(), "db/classification", MIGRATIONS);
        this.config = config;
        this.stores = new Stores(new Db(dataSource), Clock.systemUTC(), ZoneId.of(config.zone()), LocalTime.parse(config.commitment_deadline()),
                config.window_days(), id -> assets.enterprises().stream().anyMatch(e -> e.id() == id));
    }
}
