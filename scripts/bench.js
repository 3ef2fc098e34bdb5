#!/usr/bin/env node
console.log("Aucun banc d'essai pour l'instant : le moteur de fusion l'ajoutera.");
