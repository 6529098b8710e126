/** MLP estimators with the scikit-learn {@code MLPClassifier} / {@code MLPRegressor} contract. */
package dev.vecnn.nn;
