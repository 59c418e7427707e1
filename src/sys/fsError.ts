// File-system failures in words: a user reads "permission denied", not "(EACCES)".

const REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "already exists",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  ENAMETOOLONG: "file name too long",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ELOOP: "too many symbolic links",
  EIO: "input/output error",
  EBUSY: "busy",
  EXDEV: "cannot move across file systems",
  EINVAL: "invalid argument",
};

/** The errno code of a failure, if it has one. */
export function errnoOf(e: unknown): string | undefined {
  return e != null && typeof e === "object" && "code" in e && typeof e.code === "string" ? e.code : undefined;
}

/** What went wrong, in words, for a one-line message. */
export function fsReason(e: unknown): string {
  const code = errnoOf(e);
  if (code && REASONS[code]) return REASONS[code];
  return code ? `system error ${code}` : e instanceof Error ? e.message : String(e);
}
