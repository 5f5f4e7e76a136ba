import Foundation

/// The C library's error numbers in French (erreur système), for messages about files: `strerror` speaks English.
package enum SystemError {
    /// `errno`'s meaning in French; an unusual one is given by its number.
    package static func french(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "dossier ou fichier inexistant"
        case EACCES, EPERM: return "permission refusée"
        case EISDIR: return "c'est un dossier"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case ENOSPC: return "plus de place sur le disque"
        case EDQUOT: return "quota disque dépassé"
        case EROFS: return "système de fichiers en lecture seule"
        case EEXIST: return "le fichier existe déjà"
        case ENAMETOOLONG: return "nom de fichier trop long"
        case ELOOP: return "trop de liens symboliques"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case EIO: return "erreur d'entrée-sortie"
        case EBUSY, ETXTBSY: return "fichier occupé"
        case EXDEV: return "le fichier temporaire et le fichier sont sur deux disques différents"
        case EFBIG: return "fichier trop gros"
        case EINVAL: return "argument non valable"
        default: return "erreur système \(code)"
        }
    }

    /// The current `errno` in French.
    package static var current: String { french(errno) }
}
