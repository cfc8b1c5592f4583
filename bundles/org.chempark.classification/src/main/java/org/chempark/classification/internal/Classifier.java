package org.chempark.classification.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.chempark.asset.AssetService;
import org.chempark.sdk.risk.RiskFactorProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DS face of the {@link Engine}: binds every {@link RiskFactorProvider}, reclassifies (debounced)
 * when a provider posts {@link RiskFactorProvider#CHANGED} or an enterprise changes, and every
 * recompute_minutes (commitment windows move with the clock).
 */
@Component(service = { Classifier.class, EventHandler.class }, property = {
        EventConstants.EVENT_TOPIC + "=" + RiskFactorProvider.CHANGED, EventConstants.EVENT_TOPIC + "=org/chempark/asset/enterprise/*" })
public class Classifier implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

    private final List<RiskFactorProvider> providers = new CopyOnWriteArrayList<>();
    final Engine engine;
    final ClassificationData data;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chempark-classification"));
    private ScheduledFuture<?> pending;

    @Activate
    public Classifier(@Reference ClassificationData data, @Reference AssetService assets, @Reference EventAdmin eventAdmin) {
        this.data = data;
        this.engine = new Engine(data.stores,
                () -> assets.enterprises().stream().map(e -> new Engine.EnterpriseInfo(e.id(), e.name(), e.geometry())).toList(),
                () -> List.copyOf(providers), (topic, props) -> eventAdmin.postEvent(new Event(topic, props)));
        long every = Math.max(1, data.config.recompute_minutes());
        executor.scheduleWithFixedDelay(this::classifyQuietly, 3, every * 60, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(RiskFactorProvider provider) {
        providers.add(provider);
        handleEvent(null);
    }

    void removeProvider(RiskFactorProvider provider) {
        providers.remove(provider);
        handleEvent(null);
    }

    @Override
    public void handleEvent(Event event) {
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            try {
                pending = executor.schedule(this::classifyQuietly, 500, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivated: providers leaving while the platform stops need no reclassification
                pending = null;
            }
        }
    }

    private void classifyQuietly() {
        try {
            engine.classifyAll();
        } catch (RuntimeException e) {
            LOG.warn("Classification failed: {}", e.getMessage());
        }
    }

    Map<String, Object> map() {
        return engine.map();
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
