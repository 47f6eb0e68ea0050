package com.cqc.scheduler.infra;

import com.cqc.scheduler.model.StackSettings;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The Google APIs every stack needs, enabled as resources. Never disabled on destroy: other workloads
 * in the project may use them, and disabling an API is not something a scheduler stack may decide.
 */
public final class ProjectApis {
    public static final List<String> SERVICES = List.of("cloudscheduler.googleapis.com", "pubsub.googleapis.com",
            "iam.googleapis.com", "monitoring.googleapis.com", "logging.googleapis.com");

    private ProjectApis() {}

    /** One {@code gcp:projects/service:Service} per API, named {@code api-<service>}. */
    public static List<Resource> enable(StackSettings stack) {
        return SERVICES.stream().map(service -> (Resource) new Service("api-" + service.substring(0, service.indexOf('.')),
                ServiceArgs.builder()
                        .project(stack.project())
                        .service(service)
                        .disableOnDestroy(false)
                        .disableDependentServices(false)
                        .build(),
                CustomResourceOptions.builder().retainOnDelete(true).build())).toList();
    }
}
