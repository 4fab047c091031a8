/**
 * What the dyno manager runs from when the api is silent, gone or not yet started (issue 14: the
 * platform's own parts are apps on it). Start with {@link dev.hoist.dynos.checkpoint.LocalState}:
 * every desired state is written to the {@link dev.hoist.dynos.checkpoint.CheckpointFile} before
 * the reconciler sees it, the platform apps are protected and their last releases remembered, and
 * {@link dev.hoist.dynos.checkpoint.Pins} run an earlier one. {@link
 * dev.hoist.dynos.checkpoint.SlugStore} keeps their slug archives on disk, for images to be made
 * again without the api. docs/dynos.md describes the files.
 */
package dev.hoist.dynos.checkpoint;
