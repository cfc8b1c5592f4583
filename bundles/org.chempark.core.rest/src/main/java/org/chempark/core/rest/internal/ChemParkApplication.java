package org.chempark.core.rest.internal;

import javax.ws.rs.core.Application;

import org.chempark.sdk.rest.Rest;
import org.osgi.service.component.annotations.Component;

/**
 * The JAX-RS application every ChemPark resource joins, served at {@value Rest#BASE_PATH}.
 * Resources and extensions select it with {@link Rest#APPLICATION_SELECT}.
 */
@Component(service = Application.class, property = {
        "osgi.jaxrs.application.base=" + Rest.BASE_PATH,
        "osgi.jaxrs.name=" + Rest.APPLICATION_NAME })
public class ChemParkApplication extends Application {
}
