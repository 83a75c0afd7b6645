declare namespace App {
  interface Locals {
    /** Citations of the current regulation's anchors, by id, set by the document page for its clause components. */
    anchorLabels?: ReadonlyMap<string, string>;
  }
}
