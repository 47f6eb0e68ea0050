package com.cqc.scheduler.model;

/** The HTTP methods Cloud Scheduler knows (R6.2); App Engine targets take fewer (R8.1). */
public enum HttpMethod {
    POST, GET, HEAD, PUT, DELETE, PATCH, OPTIONS;

    /** R6.3: an HTTP target sends a body only with POST, PUT or PATCH. */
    public boolean httpTakesBody() {
        return this == POST || this == PUT || this == PATCH;
    }

    /** R8.2: an App Engine target sends a body only with POST or PUT. */
    public boolean appEngineTakesBody() {
        return this == POST || this == PUT;
    }

    /** R8.1: App Engine targets do not take PATCH or OPTIONS. */
    public boolean appEngineAllows() {
        return this != PATCH && this != OPTIONS;
    }
}
