/**
 * What a quiz result box says when the result could not be saved, or when the browser refused
 * durable storage (issue 16): kept apart so that the lesson script loads it only then.
 */
export const quizUnsavedLabels = {
	passedUnsaved: 'Module validé, mais ce résultat n’est pas enregistré sur cet appareil.',
	unsavedTitle: 'Votre résultat n’est pas enregistré',
	unsavedQuota: 'Cause : l’espace de stockage du navigateur réservé à ce site est plein (une autre application du même site intranet peut l’avoir rempli). Le site réessaiera à votre prochaine action.',
	unsavedBlocked: 'Cause : le navigateur bloque l’enregistrement (navigation privée, ou réglage de sécurité du poste).',
	unsavedTab: 'Il reste gardé dans cet onglet tant qu’il est ouvert, même si vous passez à une autre page du site. Pour ne pas le perdre, gardez-en une copie maintenant :',
	unsavedPage: 'Il n’existe que dans cette page : si vous la quittez ou la rechargez, il sera perdu. Gardez-en une copie maintenant :',
	remindExport: 'Votre navigateur n’a pas accepté de garder vos données durablement : il pourrait les effacer pour libérer de la place. Gardez une copie de votre progression de temps en temps :',
	exportCode: 'Créer un code de progression',
	exportFile: 'Télécharger le fichier de progression',
	codeLabel: 'Code de progression (à coller dans « Importer » de la page « Ma progression », sur ce poste plus tard ou sur un autre appareil)',
	codeReady: 'Code créé ci-dessous : sélectionnez-le et copiez-le.',
	fileReady: 'Fichier de progression téléchargé : gardez-le, puis importez-le dans « Ma progression ».',
} as const;
