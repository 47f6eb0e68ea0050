/**
 * Runtime exports of @pulumi/policy 1.21 whose type declarations are stripped from its .d.ts
 * (index.d.ts re-exports them from a proxy.d.ts that is empty). Typed here once.
 */
import * as policy from "@pulumi/policy";

const sdk = policy as unknown as {
    UnknownValueError: new (...args: any[]) => Error;
    unknownCheckingProxy: <T extends object>(value: T) => T;
};

/** Thrown by the engine's property proxy when a policy reads a value unknown during preview. */
export const UnknownValueError = sdk.UnknownValueError;

/** Wraps props the way the engine does before handing them to a policy. */
export const unknownCheckingProxy = sdk.unknownCheckingProxy;

/** The sentinel the engine uses for an unknown string during preview (tests use it to emulate previews). */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
