package com.cqc.scheduler.infra;

import com.cqc.scheduler.model.StackSettings;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Google APIs every stack needs, enabled as resources. Never disabled on destroy: other workloads
 * in the project may use them, and disabling an API is not something a scheduler stack may decide.
 */
public final class ProjectApis {
    public static final String SCHEDULER = "cloudscheduler.googleapis.com";
    public static final String PUBSUB = "pubsub.googleapis.com";
    public static final String IAM = "iam.googleapis.com";
    public static final String MONITORING = "monitoring.googleapis.com";
    public static final String LOGGING = "logging.googleapis.com";
    public static final List<String> SERVICES = List.of(SCHEDULER, PUBSUB, IAM, MONITORING, LOGGING);

    private final Map<String, Resource> services;

    private ProjectApis(Map<String, Resource> services) {
        this.services = services;
    }

    /** One {@code gcp:projects/service:Service} per API, named {@code api-<service>}. */
    public static ProjectApis enable(StackSettings stack) {
        Map<String, Resource> services = new LinkedHashMap<>();
        for (String service : SERVICES) {
            services.put(service, new Service("api-" + service.substring(0, service.indexOf('.')), ServiceArgs.builder()
                    .project(stack.project())
                    .service(service)
                    .disableOnDestroy(false)
                    .disableDependentServices(false)
                    .build(), CustomResourceOptions.builder().retainOnDelete(true).build()));
        }
        return new ProjectApis(services);
    }

    /** The resource that enables {@code service}: what a resource using that API waits for. */
    public Resource api(String service) {
        return services.get(service);
    }
}
