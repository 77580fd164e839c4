/**
 * The fictitious note loaded by « Charger un exemple fictif » on /pratique/puis-je-coller/.
 * Every name, number and address is invented: the NIR has a valid key but is made up, the
 * phone number is in a range the French regulator (ARCEP) keeps for fiction, and the e-mail
 * domain is reserved for examples (RFC 2606). It also holds details the checker cannot see
 * (the EHPAD's name, the room number), to show its limits.
 */
export const PASTE_EXAMPLE = `Transmission de nuit — EHPAD Les Tilleuls (note fictive)
Mme Jeanne DUPONT, née le 12/03/1938, chambre 12. NIR : 2 38 03 75 112 045 28.
Dossier n° 2024-000123.
Vers 2 h, agitation puis chute sans traumatisme apparent. Constantes à 3 h : TA 13/8, pouls 82, SpO2 96 %.
Sa fille, Claire Martin, a été prévenue au 06 39 98 12 34 (claire.martin@example.org).
Adresse avant l'entrée : 14 rue des Lilas, 69003 Lyon.
Transmis par Dr Paul Bernard, médecin de garde.`;
