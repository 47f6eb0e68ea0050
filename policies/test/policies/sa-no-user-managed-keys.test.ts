import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { saNoUserManagedKeys } from "../../src/policies/sa-no-user-managed-keys";
import { t, validateResource } from "../helpers";

describe("sa-no-user-managed-keys", () => {
    it("passes a service account without keys", async () => {
        const r = await validateResource(saNoUserManagedKeys, t.SERVICE_ACCOUNT, { accountId: "sch-daily-backup" });
        assert.deepEqual(r.violations, []);
        assert.ok(r.notApplicable);
    });

    it("reports any service account key", async () => {
        const { violations } = await validateResource(saNoUserManagedKeys, t.SERVICE_ACCOUNT_KEY, { serviceAccountId: "projects/cqc-ml-prod/serviceAccounts/sch-x@cqc-ml-prod.iam.gserviceaccount.com" });
        assert.deepEqual(violations, [
            "a key is created for projects/cqc-ml-prod/serviceAccounts/sch-x@cqc-ml-prod.iam.gserviceaccount.com. " +
                "Fix: remove the key; let Cloud Scheduler mint OIDC/OAuth tokens for the account, and use impersonation or workload identity federation elsewhere.",
        ]);
    });

    it("reports HMAC keys too", async () => {
        const { violations } = await validateResource(saNoUserManagedKeys, "gcp:storage/hmacKey:HmacKey", { serviceAccountEmail: "sch-x@cqc-ml-prod.iam.gserviceaccount.com" });
        assert.match(violations[0], /^an HMAC key is created for sch-x@cqc-ml-prod\.iam\.gserviceaccount\.com/);
    });
});
