/**
 * Exact (case-sensitive) Pulumi type tokens of the gcp provider resources this pack looks at.
 * Matching on the token avoids installing @pulumi/gcp (86 MB) just to compare class names.
 */
export const JOB = "gcp:cloudscheduler/job:Job";
export const TOPIC = "gcp:pubsub/topic:Topic";
export const TOPIC_IAM_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
export const SERVICE_ACCOUNT = "gcp:serviceaccount/account:Account";
export const SERVICE_ACCOUNT_KEY = "gcp:serviceaccount/key:Key";
/** Service-account HMAC keys for Cloud Storage are long-lived credentials too. */
export const STORAGE_HMAC_KEY = "gcp:storage/hmacKey:HmacKey";
export const SERVICE_ACCOUNT_IAM_MEMBER = "gcp:serviceaccount/iAMMember:IAMMember";
export const PROJECT_IAM_MEMBER = "gcp:projects/iAMMember:IAMMember";
export const PROJECT_IAM_BINDING = "gcp:projects/iAMBinding:IAMBinding";
export const PROJECT_IAM_POLICY = "gcp:projects/iAMPolicy:IAMPolicy";
export const CLOUD_RUN_V2_SERVICE_IAM_MEMBER = "gcp:cloudrunv2/serviceIamMember:ServiceIamMember";
export const CLOUD_RUN_IAM_MEMBER = "gcp:cloudrun/iamMember:IamMember";
export const CLOUD_FUNCTIONS_V2_IAM_MEMBER = "gcp:cloudfunctionsv2/functionIamMember:FunctionIamMember";
export const CLOUD_FUNCTIONS_IAM_MEMBER = "gcp:cloudfunctions/functionIamMember:FunctionIamMember";

/** The component type the Java program registers for each pipeline (not a cloud resource). */
export const SCHEDULED_PIPELINE = "cqc:scheduler:ScheduledPipeline";
